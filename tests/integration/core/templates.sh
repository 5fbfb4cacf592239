#!/bin/bash
# Every shell template under templates/ is valid POSIX sh (sh -n) and passes shellcheck.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
cd "$PYDEB_SOURCE_ROOT/templates"
need shellcheck shellcheck
n=0
for f in $(find deb rpm -type f ! -name meson.build); do
    sh -n "$f" || fail "$f: sh -n"
    shellcheck -s sh -S error "$f" || fail "$f: shellcheck"
    n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no shell templates found under templates/deb and templates/rpm"
pass "$n shell templates parse"
