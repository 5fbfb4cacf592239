#!/bin/bash
# Every shell template under templates/ is valid POSIX sh (sh -n) and passes shellcheck.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
cd "$PYDEB_SOURCE_ROOT/templates"
n=0
for f in $(find deb rpm -type f ! -name meson.build 2>/dev/null); do
    sh -n "$f" || fail "$f: sh -n"
    if command -v shellcheck >/dev/null; then
        shellcheck -s sh -S error "$f" || fail "$f: shellcheck"
    fi
    n=$((n + 1))
done
pass "$n shell templates parse"
