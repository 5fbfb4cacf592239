#!/bin/bash
# Issue 20: a project wheel that holds none of the project's packages or modules (here setuptools'
# package discovery looks in a directory without them, which setuptools builds without a word) is
# an error naming the project and what to check, and nothing is written to the output directory.
. "$PYDEB_SOURCE_ROOT/tests/integration/harden/lib.sh"
work=$(scratch)
hello_project "$work/hello"
sed -i 's/^where = src$/where = nowhere/' "$work/hello/setup.cfg"
mkdir "$work/hello/nowhere"
grep -qx 'where = nowhere' "$work/hello/setup.cfg" || fail "the fixture's setup.cfg changed: no 'where = src'"
if hello_build "$work/hello" "$work/out" --no-cache; then
    fail "a project wheel without the project's code became a package"
fi
has -F "$work/hello: the wheel built from the project (hello-1.0-py3-none-any.whl) holds none of its packages or modules, only metadata: check that the build backend finds them" "$work/out.log" ||
    { cat "$work/out.log"; fail "no error naming the project and what to check"; }
[[ -z $(ls -A "$work/out" 2>/dev/null) ]] || fail "written to the output directory: $(ls -A "$work/out")"
pass "a project wheel with only metadata is an error naming the project; nothing written"
