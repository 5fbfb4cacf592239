#!/bin/bash
# run.sh SECONDS [TARGET...]: build the libFuzzer targets (if needed) and fuzz each for SECONDS,
# as many at once as there are CPUs. Exits non-zero when any target finds a crash, a leak,
# undefined behaviour, a broken property or a timeout (an input running over 25 s); the input is
# kept in BUILD/fuzz-crashes/TARGET/ and the target's log in BUILD/fuzz-logs/TARGET.log.
#   tests/fuzz/run.sh 10                 what CI runs (tests/run-tests.sh)
#   tests/fuzz/run.sh 600 wheel tar      a long run of two targets
# The build directory (PYDEB_FUZZ_BUILD, default build-fuzz) is configured with clang 19 and
# -Dfuzzing=true -Db_sanitize=address,undefined, compiling through ccache in $PYDEB_CACHE/ccache.
# Each target's corpus grows in $PYDEB_CACHE/fuzz/corpus/TARGET across runs, starting from the
# seeds generated from the test corpus (make-seeds.sh), the hand-written seeds/ and regressions/.
set -euo pipefail
if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then echo "usage: $0 SECONDS [TARGET...]" >&2; exit 2; fi
seconds=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/tests/cache-dir.sh"
build=${PYDEB_FUZZ_BUILD:-$root/build-fuzz}
all=(spec wheel record metadata entry_points wheel_file version requirement requirements_file
     lockfile elf deb822 symbols tar release_file simple_page pyproject)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

. "$here/configure.sh"
configure_fuzz_build "$root" "$build"
ninja -C "$build" src/pydeb "${targets[@]/#/tests/fuzz/fuzz-}" | tail -n 1

seeds=$build/fuzz-seeds
if [ ! -f "$seeds/.done" ]; then
    bash "$here/make-seeds.sh" "$build/src/pydeb" "$seeds" >/dev/null
    touch "$seeds/.done"
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer
mkdir -p "$build/fuzz-logs"
# fuzz_one TARGET: one target's run; its summary line in fuzz-logs/TARGET.result, its failure
# details (for stderr) in fuzz-logs/TARGET.failure.
fuzz_one() {
    local target=$1 corpus crashes log result execs progress d
    corpus=$PYDEB_CACHE/fuzz/corpus/$target
    crashes=$build/fuzz-crashes/$target
    log=$build/fuzz-logs/$target.log
    mkdir -p "$corpus" "$crashes"
    local dirs=("$corpus")
    for d in "$seeds/$target" "$here/seeds/$target" "$here/regressions/$target"; do
        [ -d "$d" ] && dirs+=("$d")
    done
    result=ok
    rm -f "$build/fuzz-logs/$target.failure"
    nice -n 10 "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -timeout=25 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "${dirs[@]}" >"$log" 2>&1 || result=FAILED
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    progress=$(awk '/^#[0-9]+/ { line = $0 } END { if (match(line, /cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/)) print substr(line, RSTART, RLENGTH) }' "$log")
    printf 'fuzz-%-18s %s  %s execs  %s\n' "$target" "$result" "${execs:-?}" "$progress" >"$build/fuzz-logs/$target.result"
    if [ $result != ok ]; then
        { grep -E 'ERROR|SUMMARY|property broken|Test unit written' "$log" | head -5
          echo "  log: $log  inputs: $crashes"; } >"$build/fuzz-logs/$target.failure"
    fi
}
# As many targets at once as there are CPUs (each libFuzzer run is one process on one CPU): the
# same SECONDS per target in a fraction of the wall time.
parallel=$(nproc)
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || :; done
    fuzz_one "$target" &
done
wait
status=0
for target in "${targets[@]}"; do
    if [ -f "$build/fuzz-logs/$target.result" ]; then cat "$build/fuzz-logs/$target.result"; else
        echo "fuzz-$target: no result (the run did not finish)"; status=1; fi
    if [ -f "$build/fuzz-logs/$target.failure" ]; then status=1; cat "$build/fuzz-logs/$target.failure" >&2; fi
done
exit $status
