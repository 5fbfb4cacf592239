#!/bin/bash
# Wheels pydeb did not write, against pip (issue 16): non-ASCII member names (UTF-8, with and
# without the zip language-encoding flag, APPNOTE.TXT 4.4.4 bit 11) in every locale, a 0.x
# Wheel-Version (PEP 427 refuses only a newer major) and a .data/scripts subdirectory (installed
# as pypa/installer and pip do). pydeb's tree must equal pip's, whatever LC_ALL says.
DRIVER=$1
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$(dirname "$0")/lib.sh"
make_scratch

# make_wheel OUT FLAG(0|1) WHEEL_VERSION: hello/héllö.py, a scripts/sub/tool.py, a 0.x WHEEL.
make_wheel() {
    "$PYTHON" - "$@" <<'PY'
import base64, hashlib, sys, zipfile
out, flag, wheel_version = sys.argv[1], sys.argv[2] == "1", sys.argv[3]
files = {
    "hello/__init__.py": b"X = 1\n",
    "hello/h\u00e9ll\u00f6.py": b"Y = 2\n",
    "Uni-1.0.data/scripts/sub/tool.py": b"#!python\nprint('sub tool')\n",
    "Uni-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: Uni\nVersion: 1.0\n",
    "Uni-1.0.dist-info/WHEEL": f"Wheel-Version: {wheel_version}\nRoot-Is-Purelib: true\nTag: py3-none-any\n".encode(),
}
rec = "".join("%s,sha256=%s,%d\n" % (n, base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode(), len(d)) for n, d in files.items())
files["Uni-1.0.dist-info/RECORD"] = (rec + "Uni-1.0.dist-info/RECORD,,\n").encode()
with zipfile.ZipFile(out, "w") as z:   # zipfile sets bit 11 on non-ASCII names
    for n, d in files.items():
        info = zipfile.ZipInfo(n, (2020, 1, 1, 0, 0, 0))
        info.external_attr = 0o100644 << 16
        z.writestr(info, d)
if not flag:  # the same names, UTF-8 bytes, without bit 11 (local and central headers)
    data = bytearray(open(out, "rb").read())
    for signature, at in ((b"PK\x03\x04", 7), (b"PK\x01\x02", 9)):
        i = data.find(signature)
        while i >= 0:
            data[i + at] &= ~0x08 & 0xff   # bit 11 is bit 3 of the high byte
            i = data.find(signature, i + 4)
    open(out, "wb").write(data)
with zipfile.ZipFile(out) as z:
    assert any(bool(i.flag_bits & 0x800) == flag for i in z.infolist() if "\u00e9" in i.filename or "\u251c" in i.filename)
PY
}
mkdir -p "$work/flag" "$work/noflag" "$work/v01"
make_wheel "$work/flag/Uni-1.0-py3-none-any.whl" 1 1.0
make_wheel "$work/noflag/Uni-1.0-py3-none-any.whl" 0 1.0
make_wheel "$work/v01/Uni-1.0-py3-none-any.whl" 1 0.1

site=lib/python3.11/site-packages
want=$'hello/h\xc3\xa9ll\xc3\xb6.py'   # the UTF-8 bytes, as RECORD and pip (bit 11 set) name it
pip_venv "$work/pip" "$work/flag/Uni-1.0-py3-none-any.whl"
[[ -f $work/pip/$site/$want ]] || fail "pip did not install $want (test premise)"

for locale in C C.UTF-8 POSIX; do
    for kind in flag noflag v01; do
        ours=$work/ours-$kind-$locale
        LC_ALL=$locale LANG= "$DRIVER" --bytecode none / "$ours" "$PYTHON" \
            "$work/$kind/Uni-1.0-py3-none-any.whl" >"$work/log" 2>&1 ||
            fail "LC_ALL=$locale, $kind: install refused: $(cat "$work/log")"
        [[ -f $ours/$site/$want ]] || fail "LC_ALL=$locale, $kind: $want not installed: $(ls "$ours/$site/hello")"
        diff <(tree_listing "$work/pip") <(tree_listing "$ours") >"$work/tree.diff" ||
            fail "LC_ALL=$locale, $kind: file tree differs from pip's (pip < > pydeb): $(cat "$work/tree.diff")"
        cmp "$work/pip/$site/$want" "$ours/$site/$want" || fail "LC_ALL=$locale, $kind: content differs"
        [[ $("$ours/bin/python" -c 'import importlib; print(importlib.import_module("hello.h\u00e9ll\u00f6").Y)') == 2 ]] ||
            fail "LC_ALL=$locale, $kind: hello.héllö does not import"
        verify_records "$ours/$site" || fail "LC_ALL=$locale, $kind: RECORD does not match"
        grep -qF "$want,sha256=" "$ours/$site/Uni-1.0.dist-info/RECORD" ||
            fail "LC_ALL=$locale, $kind: RECORD does not name the UTF-8 path"
    done
done
pass "non-ASCII member names (bit 11 set and not) install as pip installs them in LC_ALL=C, C.UTF-8, POSIX"
pass "Wheel-Version 0.1 installs (PEP 427 refuses only a newer major)"

# .data/scripts/sub/tool.py: bin/sub/tool.py with #!python rewritten, as pip installs it (pydeb
# also makes it 0755, as it does every script: the spec says installers "may need to add +x").
ours=$work/ours-flag-C
[[ -x $ours/bin/sub/tool.py && -f $work/pip/bin/sub/tool.py ]] || fail "scripts/sub/tool.py is not bin/sub/tool.py"
[[ $(head -1 "$ours/bin/sub/tool.py") == "#!$ours/bin/python" ]] || fail "bin/sub/tool.py shebang: $(head -1 "$ours/bin/sub/tool.py")"
[[ $("$ours/bin/sub/tool.py") == "sub tool" ]] || fail "bin/sub/tool.py does not run"
pass "a .data/scripts subdirectory is installed under bin/ as pip and pypa/installer do"

# A name that is not UTF-8 is still refused, with the wheel named.
"$PYTHON" - "$work/bad/Bad-1.0-py3-none-any.whl" <<'PY'
import os, sys, zipfile
os.makedirs(os.path.dirname(sys.argv[1]))
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("bad/__init__.py", b"")
    z.writestr("Bad-1.0.dist-info/WHEEL", b"Wheel-Version: 1.0\n")
data = open(sys.argv[1], "rb").read().replace(b"bad/__init__.py", b"bad/\xff_init__.py")
open(sys.argv[1], "wb").write(data)
PY
if LC_ALL=C "$DRIVER" --bytecode none / "$work/bad-venv" "$PYTHON" "$work/bad/Bad-1.0-py3-none-any.whl" >"$work/log" 2>&1; then
    fail "a non-UTF-8 member name was installed"
fi
LC_ALL=C grep -aq "Bad-1.0-py3-none-any.whl.*not valid UTF-8" "$work/log" || fail "message: $(cat "$work/log")"
pass "a non-UTF-8 member name is refused, naming the wheel: $(tail -1 "$work/log")"

# The whole pipeline in the C locale: the .deb and the .rpm carry the name's UTF-8 bytes.
mkdir -p "$work/app/wh"
cp "$work/flag/Uni-1.0-py3-none-any.whl" "$work/app/wh/"
cat >"$work/app/pydeb.yaml" <<'YAML'
name: uniapp
version: "1.0"
summary: app with a non-ASCII module name
description: An application whose wheel has a non-ASCII member name.
maintainer: Jane Doe <jane@example.com>
license: MIT
python: {interpreter: /usr/bin/python3}
install: {requirements: ["uni"], wheelhouse: ["wh"], bytecode: build}
check-installable: off
YAML
(cd "$work/app" && LC_ALL=C LANG= XDG_CACHE_HOME=$work/cache "$PYDEB" build pydeb.yaml -o out >"$work/log" 2>&1) ||
    fail "pydeb build in LC_ALL=C: $(cat "$work/log")"
dpkg-deb -c "$work"/app/out/*.deb | has -F "/site-packages/$want" || fail ".deb lacks $want"
dpkg-deb -c "$work"/app/out/*.deb | has -F "/site-packages/hello/__pycache__/h"$'\xc3\xa9ll\xc3\xb6'".cpython-311.pyc" || fail ".deb lacks the .pyc"
rpm -qlp "$work"/app/out/*.rpm 2>/dev/null | has -F "/site-packages/$want" || fail ".rpm lacks $want"
pass "pydeb build in LC_ALL=C packages $want under its UTF-8 bytes (.deb and .rpm)"
