#!/bin/bash
# pydeb(1), pydeb.yaml(5) and dh_pydeb(1) render with man(1) without groff warnings, and each
# shows its NAME line.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
# (not common.sh's scratch(): in "$(scratch)" its EXIT trap fires when the subshell ends)
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-it-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
for page in pydeb.1:'pydeb - build native' pydeb.yaml.5:'pydeb.yaml - the spec' dh_pydeb.1:'dh_pydeb - stage a pydeb virtualenv'; do
    file=$PYDEB_SOURCE_ROOT/man/${page%%:*}
    name=${page#*:}
    MANWIDTH=80 MAN_KEEP_FORMATTING=0 man --warnings -l "$file" >"$work/out" 2>"$work/err" ||
        { cat "$work/err"; fail "man -l ${file##*/}"; }
    [ ! -s "$work/err" ] || { cat "$work/err"; fail "${file##*/}: groff warnings"; }
    grep -qF "$name" "$work/out" || fail "${file##*/}: NAME line '$name' not rendered"
    pass "man -l ${file##*/}"
done
