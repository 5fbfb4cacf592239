#!/bin/bash
# Issue 20, "concurrent builds are safe": 4 `pydeb build` runs of one spec at once, sharing one
# cache and one project tree (as a CI job building the .deb and the .rpm in parallel does), cold
# (empty cache) then warm, for 3 rounds: every .deb and .rpm is byte-identical (cmp) to a
# sequential --no-cache build, the project's own code (hello/__init__.py) is in each, and the
# project tree is left as it was (the project wheel is built from a private copy).
. "$PYDEB_SOURCE_ROOT/tests/integration/harden/lib.sh"
work=$(scratch)
hello_project "$work/hello"
before=$(cd "$work/hello" && find . -printf '%p %s %T@\n' | sort)

hello_build "$work/hello" "$work/reference" --no-cache || { cat "$work/reference.log"; fail "reference build"; }
dpkg-deb -c "$work"/reference/*.deb | has 'site-packages/hello/__init__.py$' ||
    fail "the reference .deb lacks hello/__init__.py"

for round in 1 2 3; do
    cache=$work/cache-$round
    for temperature in cold warm; do
        pids=()
        for n in 1 2 3 4; do
            out=$work/$round-$temperature-$n
            XDG_CACHE_HOME=$cache hello_build "$work/hello" "$out" & pids+=($!)
        done
        for n in 1 2 3 4; do
            out=$work/$round-$temperature-$n
            wait "${pids[$((n - 1))]}" || { cat "$out.log"; fail "round $round $temperature: build $n failed"; }
            same_packages "$work/reference" "$out"
        done
    done
    [[ -n $(ls "$cache/pydeb/wheels") ]] || fail "round $round: nothing was cached"
done
pass "3 rounds of 4 concurrent builds (cold, then warm) with one shared cache: 24 builds, each .deb and .rpm identical to a sequential --no-cache build"

after=$(cd "$work/hello" && find . -printf '%p %s %T@\n' | sort)
[[ $before == "$after" ]] || fail "the builds changed the project tree: $(diff <(echo "$before") <(echo "$after"))"
pass "the project tree is unchanged (no build/, no *.egg-info)"
