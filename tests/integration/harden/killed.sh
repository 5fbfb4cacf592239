#!/bin/bash
# Issue 20, "crash safety": `pydeb build` killed with SIGKILL at 10 random moments, spread over its
# stages (a cold build's --timings give each stage's window; the moments take the stages in turn,
# each at a random point of its window), with one cache shared by every build; the cold rounds
# empty the cache first so that a kill can land in the wheel installs and the bytecode compiler.
# After each kill: any package at the output path is whole (cmp-identical to an undisturbed
# build: a killed build leaves none or the complete one it committed), then the next build with
# the same cache and output directory is byte-identical. Finally the temporaries the killed builds
# left (cache .tmp-* entries, scratch directories in $TMPDIR), once over an hour old, are removed
# by `pydeb cache clean`.
. "$PYDEB_SOURCE_ROOT/tests/integration/harden/lib.sh"
work=$(scratch)
hello_project "$work/hello"
export XDG_CACHE_HOME=$work/cache TMPDIR=$work/tmp
mkdir "$TMPDIR"
hello_build "$work/hello" "$work/reference" --no-cache || { cat "$work/reference.log"; fail "reference build"; }

# The stages' windows in a cold build: "pydeb: timings: STAGE  SECONDS s", in order.
hello_build "$work/hello" "$work/timed" --timings || { cat "$work/timed.log"; fail "timed build"; }
same_packages "$work/reference" "$work/timed"
declare -A start length
at=0
while read -r stage seconds; do
    start[$stage]=$at length[$stage]=$seconds
    at=$(awk -v a="$at" -v b="$seconds" 'BEGIN { print a + b }')
done < <(sed -n 's/^pydeb: timings: \(.*[^ ]\)  *\([0-9.]*\) s$/\1\t\2/p' "$work/timed.log" |
         grep -v '^total' | tr ' ' '_' | tr '\t' ' ')
[[ -n ${start[install]:-} && -n ${start[write_.rpm]:-} ]] || { cat "$work/timed.log"; fail "no stage timings"; }

targets=(prepare install map_\(deb\) write_.deb write_.rpm)
kills=()
for i in $(seq 0 9); do
    stage=${targets[$((i % ${#targets[@]}))]}
    if ((i % 2 == 0)); then "$PYDEB" cache clean --max-size 0 >/dev/null; fi # cold
    moment=$(awk -v s="${start[$stage]}" -v l="${length[$stage]}" -v r="$RANDOM" \
        'BEGIN { printf "%.3f", s + l * r / 32768 }')
    out=$work/out
    SOURCE_DATE_EPOCH=1700000000 "$PYDEB" build "$work/hello/pydeb.yaml" -o "$out" >"$work/killed-$i.log" 2>&1 &
    pid=$!
    sleep "$moment"
    kill -KILL "$pid" 2>/dev/null && kills+=("$stage@${moment}s")
    wait "$pid" 2>/dev/null && kills+=("(finished)")
    for package in "$out"/*.deb "$out"/*.rpm; do
        [[ -e $package ]] || continue
        cmp "$package" "$work/reference/$(basename "$package")" ||
            fail "kill $i ($stage, ${moment}s): a partial package at the output path: $package"
    done
    hello_build "$work/hello" "$out" || { cat "$out.log"; fail "the build after kill $i ($stage) failed"; }
    same_packages "$work/reference" "$out"
done
pass "10 builds killed (${kills[*]}): never a partial package at the output path, each next build identical"

find "$XDG_CACHE_HOME/pydeb" "$TMPDIR" -mindepth 1 -maxdepth 2 \( -name '.tmp-*' -o -name 'pydeb-*' \) \
    -exec touch -h -d '2 hours ago' {} +
"$PYDEB" cache clean >/dev/null
left=$(find "$XDG_CACHE_HOME/pydeb" "$TMPDIR" -mindepth 1 -maxdepth 2 \( -name '.tmp-*' -o -name 'pydeb-*' \))
[[ -z $left ]] || fail "left after pydeb cache clean: $left"
hello_build "$work/hello" "$work/after-clean" || { cat "$work/after-clean.log"; fail "the build after cache clean"; }
same_packages "$work/reference" "$work/after-clean"
pass "pydeb cache clean removed the stale temporaries; the cache still builds identical packages"
