#!/bin/bash
# The command line as a user meets it: --version, --help, validate's located errors, exit codes.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
dir=$(scratch)
cd "$dir"

"$PYDEB" --version | has -x 'pydeb [0-9.]*' || fail "--version"
"$PYDEB" --help | has 'validate' || fail "--help lists the commands"
"$PYDEB" build --help | has -- '--format' || fail "build --help"
if "$PYDEB" frobnicate 2>/dev/null; then fail "an unknown command must fail"; fi
pass "version and help"

mkdir wheels
cat > good.yaml <<'YAML'
name: myapp
version: "1.0"
summary: A small service
description: Longer text.
maintainer: Jane Doe <jane@example.com>
license: MIT
install:
  requirements: ["flask>=2"]
  wheelhouse: wheels
YAML
"$PYDEB" validate good.yaml > out.txt || fail "a valid spec must pass: $(cat out.txt)"
grep -q 'good.yaml: ok (myapp 1.0-1' out.txt || fail "validate's summary line: $(cat out.txt)"
pass "valid spec"

sed 's/^maintainer:/maintaner:/' good.yaml > typo.yaml
status=0
"$PYDEB" validate typo.yaml 2> err.txt || status=$?
[ "$status" = 1 ] || fail "a misspelled key must exit 1, got $status"
grep -q "typo.yaml:5:1: unknown key 'maintaner' in the spec; did you mean 'maintainer'?" err.txt \
    || fail "misspelled key message: $(cat err.txt)"
pass "misspelled key located, with a suggestion"

sed -e 's/^name: myapp/name: My_App/' -e 's/^version: "1.0"/version: "1.0-2"/' good.yaml > bad.yaml
if "$PYDEB" validate bad.yaml 2> err.txt; then fail "invalid name and version must fail"; fi
grep -q "bad.yaml:1:7: 'M' is not allowed in a package name" err.txt || fail "name: $(cat err.txt)"
grep -q "bad.yaml:2:10: '-' is not allowed in a version" err.txt || fail "version: $(cat err.txt)"
pass "invalid name and version refused, both reported"

if "$PYDEB" validate missing.yaml 2> err.txt; then fail "a missing spec must fail"; fi
grep -q 'missing.yaml: spec file not found' err.txt || fail "missing spec: $(cat err.txt)"
pass "missing spec"
