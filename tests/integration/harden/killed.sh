#!/bin/bash
# Issue 20, "crash safety": `pydeb build` killed with SIGKILL at 10 random moments, spread over its
# stages (cold and warm builds' --timings give each stage's window; the moments take the
# stages in turn, each at a random point of its window), with one cache shared by every build;
# every other build starts from an emptied cache so that a kill can land in the project wheel's
# build, the wheel installs and the bytecode compiler. A build that finished first is no kill.
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

# The stages' windows of a build, from its --timings ("pydeb: timings: STAGE  N s"): the cold ones
# from a first build with an empty cache, the warm ones from the latest rebuild (the load of the
# machine changes them).
declare -A start length
windows() { # windows cold|warm LOG
    local at=0 stage seconds
    while read -r stage seconds; do
        start[$1:$stage]=$at length[$1:$stage]=$seconds
        at=$(awk -v a="$at" -v b="$seconds" 'BEGIN { print a + b }')
    done < <(sed -n 's/^pydeb: timings: \(.*[^ ]\)  *\([0-9.]*\) s$/\1\t\2/p' "$2" |
             grep -v '^total' | tr ' ' '_' | tr '\t' ' ')
    [[ -n ${start[$1:install]:-} && -n ${start[$1:write_.rpm]:-} ]] || { cat "$2"; fail "no stage timings in $2"; }
}
for temperature in cold warm; do
    hello_build "$work/hello" "$work/timed-$temperature" --timings ||
        { cat "$work/timed-$temperature.log"; fail "timed $temperature build"; }
    same_packages "$work/reference" "$work/timed-$temperature"
    windows "$temperature" "$work/timed-$temperature.log"
done

# Cold kills (the cache emptied first) aim at the project wheel's pip run and the wheel installs
# with the bytecode compiler; warm ones at the mapping and the two writers.
cold_targets=(install prepare install map_\(deb\) write_.rpm)
warm_targets=(map_\(deb\) write_.deb write_.rpm map_\(rpm\) write_.rpm)
kills=() attempts=0 out=$work/out
while ((${#kills[@]} < 10)); do
    ((++attempts <= 20)) || fail "only ${#kills[@]} of 20 builds were killed before they finished: ${kills[*]}"
    if ((attempts % 2)); then
        temperature=cold stage=${cold_targets[$((attempts / 2 % 5))]}
        "$PYDEB" cache clean --max-size 0 >/dev/null
    else
        temperature=warm stage=${warm_targets[$((attempts / 2 % 5))]}
    fi
    moment=$(awk -v s="${start[$temperature:$stage]}" -v l="${length[$temperature:$stage]}" \
        -v r="$RANDOM" 'BEGIN { printf "%.3f", s + l * r / 32768 }')
    SOURCE_DATE_EPOCH=1700000000 "$PYDEB" build "$work/hello/pydeb.yaml" -o "$out" >"$work/killed.log" 2>&1 &
    pid=$!
    sleep "$moment"
    # It may have finished (and been reaped) already: its exit status below says which.
    kill -KILL "$pid" 2>/dev/null || echo "build $attempts finished before ${moment}s"
    status=0
    wait "$pid" || status=$?
    # A build that finished before the moment (exit 0) is no kill; anything else but SIGKILL is a failure.
    if ((status == 137)); then
        kills+=("$temperature:$stage@${moment}s")
    elif ((status != 0)); then
        cat "$work/killed.log"
        fail "the build to be killed exited $status"
    fi
    for package in "$out"/*.deb "$out"/*.rpm; do
        [[ -e $package ]] || continue
        cmp "$package" "$work/reference/$(basename "$package")" ||
            fail "killed at $stage (${moment}s): a partial package at the output path: $package"
    done
    hello_build "$work/hello" "$out" --timings || { cat "$out.log"; fail "the build after a kill at $stage failed"; }
    same_packages "$work/reference" "$out"
    if [[ $temperature == warm ]]; then windows warm "$out.log"; fi # truly warm: the cache was whole
done
pass "10 builds killed with SIGKILL (${kills[*]}; $attempts started): never a partial package at the output path, each next build identical"

find "$XDG_CACHE_HOME/pydeb" "$TMPDIR" -mindepth 1 -maxdepth 2 \( -name '.tmp-*' -o -name 'pydeb-*' \) \
    -exec touch -h -d '2 hours ago' {} +
"$PYDEB" cache clean >/dev/null
left=$(find "$XDG_CACHE_HOME/pydeb" "$TMPDIR" -mindepth 1 -maxdepth 2 \( -name '.tmp-*' -o -name 'pydeb-*' \))
[[ -z $left ]] || fail "left after pydeb cache clean: $left"
hello_build "$work/hello" "$work/after-clean" || { cat "$work/after-clean.log"; fail "the build after cache clean"; }
same_packages "$work/reference" "$work/after-clean"
pass "pydeb cache clean removed the stale temporaries; the cache still builds identical packages"
