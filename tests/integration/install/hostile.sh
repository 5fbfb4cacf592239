#!/bin/bash
# Hostile and broken wheels (tests/corpus/make-hostile-wheels.sh, cases.txt): each "refuse" case
# exits non-zero with an error naming the wheel file and the word cases.txt gives (member, entry
# point or keyword); "warn" cases install and warn with that word; nothing is ever written outside
# the stage. Plus cases only an installer that writes a venv can have: a wheel writing through
# the venv's lib64 symlink, a script named python3, an incompatible tag, two wheels with different
# bytes at one path. All of it also through the installed-wheel cache, cold and warm.
DRIVER=$1
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$(dirname "$0")/lib.sh"
make_scratch

wheels=$work/wheels
"$PYDEB_SOURCE_ROOT/tests/corpus/make-hostile-wheels.sh" "$wheels"
"$PYTHON" "$(dirname "$0")/extra_hostile_wheels.py" "$wheels" >>"$wheels/cases.txt"

# Files outside the stage that a traversal would create: none may appear.
canaries=(/tmp/pydeb-hostile-absolute "$work/evil" "$work/outside" /tmp/evil /evil)
cache=$work/cache
mkdir "$cache"
entries() { find "$cache" -mindepth 1 -maxdepth 1 ! -name '.lock-*' | wc -l; } # lock files are no entries
checked=0
# Each case three times: straight into the stage, through an empty wheel cache and again from it
# (a warning must come back from the cache; a refused wheel must never be cached).
check_case() { # FILE EXPECT WORD MODE
    local file=$1 expect=$2 word=$3 mode=$4 stage output status before cache_args=()
    stage=$work/stage-${file%%-*}-$mode
    [[ $mode == direct ]] || cache_args=(--cache "$cache")
    IFS=, read -r -a members <<<"$file"
    before=$(entries)
    set +e
    output=$("$DRIVER" --bytecode none "${cache_args[@]}" "$stage" /opt/hostile/venv "$PYTHON" "${members[@]/#/$wheels/}" 2>&1)
    status=$?
    set -e
    for canary in "${canaries[@]}"; do
        [[ ! -e $canary ]] || fail "$file ($mode): $canary was written outside the stage"
    done
    outside=$(find "$work" -mindepth 1 -maxdepth 1 ! -name 'stage-*' ! -name wheels ! -name cache)
    [[ -z $outside ]] || fail "$file ($mode): wrote outside the stage: $outside"
    first=${file%%,*}
    case $expect in
    refuse)
        [[ $status -ne 0 ]] || fail "$file ($mode): installed, expected a refusal"
        grep -qF -- "$first" <<<"$output" || fail "$file ($mode): error does not name the wheel: $output"
        grep -qF -- "$word" <<<"$output" || fail "$file ($mode): error does not name '$word': $output"
        # One wheel refused alone: nothing of it is cached. (Wheels refused together, for a
        # conflict between them, are each fine alone and may be.)
        [[ ${#members[@]} -gt 1 || $(entries) -eq $before ]] ||
            fail "$file ($mode): a refused wheel was cached"
        ;;
    warn)
        [[ $status -eq 0 ]] || fail "$file ($mode): refused, expected a warning: $output"
        grep -q "^warning: .*$(sed 's/[.[\*^$]/\\&/g' <<<"$word")" <<<"$output" ||
            fail "$file ($mode): no warning naming '$word': $output"
        ;;
    ok)
        [[ $status -eq 0 ]] || fail "$file ($mode): refused: $output"
        ;;
    esac
}
while IFS=$'\t' read -r file expect word; do
    for mode in direct cache-cold cache-warm; do
        check_case "$file" "${expect#expect=}" "$word" $mode
    done
    checked=$((checked + 1))
done <"$wheels/cases.txt"
[[ $checked -ge 20 ]] || fail "only $checked cases ran"
[[ -z $(find "$cache" -mindepth 1 -maxdepth 1 -name '.*' ! -name '.lock-*') ]] || fail "scratch left in the cache: $(ls -a "$cache")"
pass "$checked hostile/broken wheels handled as cases.txt expects, with and without the wheel cache; nothing written outside the stage"
