#!/bin/bash
# The sanitizer run and the fuzz targets (issue #20), part of tests/run-tests.sh:
#  1. pydeb, its unit tests and the integration test drivers built with ASan+UBSan (and
#     libFuzzer's coverage instrumentation) in build-fuzz, with clang 19 through ccache
#     (tests/fuzz/configure.sh);
#  2. there, the unit tests, the replay of every fuzz seed and regression input (suite fuzz), and
#     the integration tests that drive the installer, the .deb and .rpm writers and `pydeb build`
#     of the example app (listed below by name);
#  3. each fuzz target for SECONDS (default 10; tests/fuzz/run.sh).
# Every sanitizer report goes to a file (log_path), so a report from a pydeb run that a test
# expected to fail (a hostile wheel) is not mistaken for that failure: any report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
. tests/cache-dir.sh
. tests/fuzz/configure.sh
build=${PYDEB_FUZZ_BUILD:-$PWD/build-fuzz}
configure_fuzz_build "$PWD" "$build"
ninja -C "$build" | tail -n 1

reports=$build/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
export ASAN_OPTIONS=detect_leaks=1:log_path=$reports/asan
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=$reports/ubsan
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer
# Integration tests under the sanitizers: the installer on hostile wheels, the .rpm writer in
# every compressor checked by rpm and rpmlint, and `pydeb build` of examples/hello into a .deb
# and an .rpm (install, map and both writers, twice). deb-tools is left out for time (lintian is
# most of its minute; core-umask covers the .deb writer), and so are tests that run pydeb under
# strace (LeakSanitizer cannot run under ptrace) or fakeroot (LD_PRELOAD).
integration=(install-hostile-wheels rpm-tools core-umask)
# Every unit test and every fuzz replay, by name ("pydeb / unit-util", "pydeb:fuzz / fuzz-spec").
mapfile -t unit < <(meson test -C "$build" --no-rebuild --list | sed -n 's/^pydeb[:a-z]* \/ \(\(unit\|fuzz\)-[a-z0-9_-]*\)$/\1/p')
[ ${#unit[@]} -gt 20 ] || { echo "unit and fuzz tests missing in $build: ${unit[*]}" >&2; exit 1; }
status=0
meson test -C "$build" --no-rebuild --print-errorlogs --num-processes 2 "${unit[@]}" "${integration[@]}" || status=1
if compgen -G "$reports/*" >/dev/null; then
    echo "sanitizer reports (ASan/UBSan) during the tests:" >&2
    head -n 60 "$reports"/* >&2
    status=1
fi
unset ASAN_OPTIONS UBSAN_OPTIONS
bash tests/fuzz/run.sh "$seconds" || status=1
exit $status
