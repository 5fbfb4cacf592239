#!/bin/bash
# The vendored-library fixture is what it claims, checked with readelf and the real pip: SONAME, NEEDED and
# RUNPATH as auditwheel leaves them, a valid RECORD, and in a pip-installed venv the module imports and calls
# into both its private library and the system's libz.
#
#   tests/corpus/check-vendored-wheel.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-vendored-check-XXXXXX")
trap 'rm -rf "$work"' EXIT
name=$("$here/make-vendored-wheel.sh" "$work/wheels")
[[ $name == vendoredext-1.0-cp311-cp311-manylinux_2_17_x86_64.whl ]] || fail "unexpected wheel name $name"
wheel=$work/wheels/$name
/usr/bin/python3 "$here/verify_record.py" "$wheel" || fail "RECORD of $name"

mkdir "$work/x"
(cd "$work/x" && /usr/bin/python3 -m zipfile -e "$wheel" .)
ext=$work/x/vendoredext/_ext.cpython-311-x86_64-linux-gnu.so
lib=$work/x/vendoredext.libs/libvendored-abc123.so.1
[[ -f $ext && -f $lib ]] || fail "members missing: $(cd "$work/x" && find . -type f)"
dyn=$(readelf -d "$ext")
grep -q 'NEEDED.*\[libvendored-abc123.so.1\]' <<<"$dyn" || fail "_ext does not NEED libvendored-abc123.so.1"
grep -q 'NEEDED.*\[libz.so.1\]' <<<"$dyn" || fail "_ext does not NEED libz.so.1"
grep -q 'RUNPATH.*\[\$ORIGIN/../vendoredext.libs\]' <<<"$dyn" || fail "_ext has no RUNPATH \$ORIGIN/../vendoredext.libs"
grep -q 'SONAME.*\[libvendored-abc123.so.1\]' <(readelf -d "$lib") || fail "SONAME of the vendored library"
pass "$name: NEEDED libvendored-abc123.so.1 + libz.so.1, RUNPATH \$ORIGIN/../vendoredext.libs, SONAME"

/usr/bin/python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check --no-index --no-deps "$wheel" ||
    fail "pip install $name"
"$work/venv/bin/python" - <<'EOF' || fail "vendoredext does not work in the venv"
import sys, zlib, vendoredext
from vendoredext import _ext
assert _ext.__file__.startswith(sys.prefix), _ext.__file__
assert vendoredext.answer() == 42, vendoredext.answer()
assert vendoredext.crc32(b'pydeb') == zlib.crc32(b'pydeb')
maps = open('/proc/self/maps').read()
assert '/vendoredext.libs/libvendored-abc123.so.1' in maps, 'vendored library not loaded from the venv'
EOF
pass "pip-installed vendoredext imports, calls libvendored (answer 42) and libz (crc32)"
