#!/bin/bash
# Hostile and broken wheels (tests/corpus/make-hostile-wheels.sh, cases.txt): each "refuse" case
# exits non-zero with an error naming the wheel file and the word cases.txt gives (member, entry
# point or keyword); "warn" cases install and warn with that word; nothing is ever written outside
# the stage. Plus cases only an installer that writes a venv can have: a wheel writing through
# the venv's lib64 symlink, a script named python3, an incompatible tag, two wheels with different
# bytes at one path.
DRIVER=$1
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$(dirname "$0")/lib.sh"
make_scratch

wheels=$work/wheels
"$PYDEB_SOURCE_ROOT/tests/corpus/make-hostile-wheels.sh" "$wheels"
"$PYTHON" "$(dirname "$0")/extra_hostile_wheels.py" "$wheels" >>"$wheels/cases.txt"

# Files outside the stage that a traversal would create: none may appear.
canaries=(/tmp/pydeb-hostile-absolute "$work/evil" "$work/outside" /tmp/evil /evil)
checked=0
while IFS=$'\t' read -r file expect word; do
    expect=${expect#expect=}
    stage=$work/stage-${file%%-*}
    IFS=, read -r -a members <<<"$file"
    set +e
    output=$("$DRIVER" --bytecode none "$stage" /opt/hostile/venv "$PYTHON" "${members[@]/#/$wheels/}" 2>&1)
    status=$?
    set -e
    for canary in "${canaries[@]}"; do
        [[ ! -e $canary ]] || fail "$file: $canary was written outside the stage"
    done
    outside=$(find "$work" -mindepth 1 -maxdepth 1 ! -name 'stage-*' ! -name wheels)
    [[ -z $outside ]] || fail "$file: wrote outside the stage: $outside"
    first=${file%%,*}
    case $expect in
    refuse)
        [[ $status -ne 0 ]] || fail "$file: installed, expected a refusal"
        grep -qF -- "$first" <<<"$output" || fail "$file: error does not name the wheel: $output"
        grep -qF -- "$word" <<<"$output" || fail "$file: error does not name '$word': $output"
        ;;
    warn)
        [[ $status -eq 0 ]] || fail "$file: refused, expected a warning: $output"
        grep -q "^warning: .*$(sed 's/[.[\*^$]/\\&/g' <<<"$word")" <<<"$output" ||
            fail "$file: no warning naming '$word': $output"
        ;;
    ok)
        [[ $status -eq 0 ]] || fail "$file: refused: $output"
        ;;
    esac
    checked=$((checked + 1))
done <"$wheels/cases.txt"
[[ $checked -ge 20 ]] || fail "only $checked cases ran"
pass "$checked hostile/broken wheels handled as cases.txt expects; nothing written outside the stage"
