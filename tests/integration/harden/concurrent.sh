#!/bin/bash
# Issue 20, "concurrent builds are safe": 4 `pydeb build` runs of one spec at once, sharing one
# cache and one project tree, two with --format deb and two with --format rpm (as CI jobs building
# the .deb and the .rpm in parallel do), cold (empty cache) then warm, for 3 rounds: every .deb and
# .rpm is byte-identical (cmp) to a sequential --no-cache build (whose .deb has the project's own
# code, hello/__init__.py), and the project tree is left as it was (the project wheel is built
# from a private copy).
. "$PYDEB_SOURCE_ROOT/tests/integration/harden/lib.sh"
work=$(scratch)
hello_project "$work/hello"
before=$(cd "$work/hello" && find . -printf '%p %s %T@\n' | sort)

hello_build "$work/hello" "$work/reference" --no-cache || { cat "$work/reference.log"; fail "reference build"; }
dpkg-deb -c "$work"/reference/*.deb | has 'site-packages/hello/__init__.py$' ||
    fail "the reference .deb lacks hello/__init__.py"

# compiled LOG...: the .py files the builds byte-compiled ("install  4/4 wheels, N files compiled").
compiled() {
    sed -n 's/^pydeb: install .* \([0-9][0-9]*\) files compiled.*/\1/p' "$@" | awk '{ n += $1 } END { print n + 0 }'
}
everything=$(compiled "$work/reference.log") # a --no-cache build compiles every wheel
kinds=(deb rpm)
declare -A compiled_by
for round in 1 2 3; do
    cache=$work/cache-$round
    for temperature in cold warm; do
        pids=()
        for n in 1 2 3 4; do
            out=$work/$round-$temperature-$n
            XDG_CACHE_HOME=$cache hello_build "$work/hello" "$out" --format "${kinds[$((n % 2))]}" &
            pids+=($!)
        done
        for n in 1 2 3 4; do
            out=$work/$round-$temperature-$n
            wait "${pids[$((n - 1))]}" || { cat "$out.log"; fail "round $round $temperature: build $n failed"; }
            kind=${kinds[$((n % 2))]}
            cmp "$(ls "$work"/reference/*."$kind")" "$(ls "$out"/*."$kind")" ||
                fail "round $round $temperature: build $n's .$kind differs from the --no-cache one"
        done
        compiled_by[$temperature]=$(compiled "$work/$round-$temperature"-?.log)
    done
    # Cold, one build installs and compiles the cached wheels while the others wait for its entry
    # locks, then use its entries: beyond that, each compiles only the project wheel (never cached),
    # as a warm build does.
    ((compiled_by[cold] <= everything + 3 * compiled_by[warm] / 4)) ||
        fail "round $round: the cold builds compiled ${compiled_by[cold]} files, one build's work is $everything + 3 x $((compiled_by[warm] / 4))"
    [[ -n $(ls "$cache/pydeb/wheels") ]] || fail "round $round: nothing was cached"
done
pass "3 rounds of 4 concurrent builds (2 .deb, 2 .rpm; cold, then warm) with one shared cache: 24 builds, each package identical to a sequential --no-cache build; the cold ones compiled ${compiled_by[cold]} files together (one build's work: $everything)"

after=$(cd "$work/hello" && find . -printf '%p %s %T@\n' | sort)
[[ $before == "$after" ]] || fail "the builds changed the project tree: $(diff <(echo "$before") <(echo "$after"))"
pass "the project tree is unchanged (no build/, no *.egg-info)"
