#!/bin/bash
# A bundle given as a directory and as a python/-layout .tar.zst archive of the same prefix gives
# the same package bytes; bundled packages are bit-identical across builders (cwd, umask, locale,
# TZ, cache); hostile or broken bundles are refused with the bundle and the member named, a
# non-zero exit, no package at the output path and nothing written outside the stage.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
work=$(scratch)
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" >/dev/null
wheels=$PYDEB_CACHE/wheels

# A CPython prefix made from the host's interpreter, as `./configure --prefix` lays one out
# (python/bin/python3.X, python/lib/python3.X/), without Debian's links into /etc and /usr/lib.
x_y=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
mkdir -p "$work/src/python/bin" "$work/src/python/lib"
cp -p "/usr/bin/python$x_y" "$work/src/python/bin/"
ln -s "python$x_y" "$work/src/python/bin/python3"
tar -C /usr/lib --exclude="python$x_y/test" --exclude="python$x_y/dist-packages" \
    --exclude='__pycache__' -cf - "python$x_y" | tar -C "$work/src/python/lib" -xf -
find "$work/src/python" -type l \( -lname '/*' -o -lname '../../*' \) -delete
tar -C "$work/src" --zstd -cf "$work/python.tar.zst" python

spec() { # FILE BUNDLE [WHEELHOUSE]
    cat >"$1" <<SPEC
name: bundled
version: "1.0"
summary: a bundled interpreter
description: Checks bundle sources.
maintainer: Jane Doe <jane@example.com>
license: MIT
python: {bundle: $2}
install:
  requirements: [click, PyYAML]
  wheelhouse: [${3:-$wheels}]
formats: [deb]
SPEC
}
spec "$work/dir.yaml" "$work/src"
spec "$work/archive.yaml" "$work/python.tar.zst"
# The package's date is the newest mtime of its inputs, the spec's included (pydeb(1)): two spec
# files written a second apart (a loaded machine) would give two dates for that alone.
touch -r "$work/dir.yaml" "$work/archive.yaml"
"$PYDEB" build "$work/dir.yaml" -o "$work/out-dir" >"$work/log" 2>&1 || { cat "$work/log"; fail "build from a directory"; }
"$PYDEB" build "$work/archive.yaml" -o "$work/out-archive" >"$work/log" 2>&1 || { cat "$work/log"; fail "build from an archive"; }
deb=bundled_1.0-1_amd64.deb
# The same files, byte for byte; only the SBOM differs, because it names where the interpreter
# came from (the archive's name and sha256; a directory has no digest).
sbom=usr/share/doc/bundled/bundled.spdx.json
for from in dir archive; do dpkg-deb -x "$work/out-$from/$deb" "$work/x-$from"; done
diff -r --no-dereference --exclude=bundled.spdx.json "$work/x-dir" "$work/x-archive" >"$work/tree.diff" ||
    { head -20 "$work/tree.diff"; fail "a directory and its .tar.zst give different files"; }
archive_sha=$(sha256sum "$work/python.tar.zst" | cut -d' ' -f1)
grep -q "\"$archive_sha\"" "$work/x-archive/$sbom" || fail "the SBOM does not name the archive's sha256 $archive_sha"
! grep -q "$archive_sha" "$work/x-dir/$sbom" || fail "the directory build's SBOM names the archive"
dpkg-deb -c "$work/out-dir/$deb" | has "./opt/venvs/bundled/python/bin/python$x_y" || fail "no interpreter in the package"
pass "the same prefix as a directory and as a .tar.zst archive gives the same files; the SBOM names the archive's sha256"

# Another builder: other cwd, umask, locale, time zone, a cold cache.
mkdir "$work/elsewhere"
(cd "$work/elsewhere" && umask 0002 && LC_ALL=C TZ=Asia/Tokyo XDG_CACHE_HOME="$work/cache2" \
    "$PYDEB" build "$work/archive.yaml" -o "$work/out-again") >"$work/log" 2>&1 || { cat "$work/log"; fail "rebuild"; }
cmp "$work/out-archive/$deb" "$work/out-again/$deb" ||
    fail "a bundled package differs across builders (cwd, umask, locale, TZ, cache)"
pass "bit-identical rebuild from another cwd, umask 0002, LC_ALL=C, TZ=Asia/Tokyo, cold cache"

# --- bad bundles ---------------------------------------------------------------------------------
# Each: exit non-zero, a message naming the bundle and what is wrong, no package, no escape.
refused() { # NAME ARCHIVE EXPECTED-TEXT [WHEELHOUSE]
    local name=$1 archive=$2 expected=$3
    spec "$work/$name.yaml" "$archive" "${4:-}"
    rm -rf "$work/out-$name"
    if "$PYDEB" build "$work/$name.yaml" -o "$work/out-$name" >"$work/$name.log" 2>&1; then
        fail "$name: the build succeeded"
    fi
    has -F "$expected" "$work/$name.log" || { cat "$work/$name.log"; fail "$name: the message lacks '$expected'"; }
    [ -z "$(ls -A "$work/out-$name" 2>/dev/null)" ] || fail "$name: left $(ls "$work/out-$name")"
    if [ -e "$work/CANARY" ] || [ -e /tmp/pydeb-CANARY ]; then fail "$name: wrote outside the stage"; fi
    pass "$name: refused ($(grep -m1 error "$work/$name.log" | cut -c1-160))"
}
hostile() { # NAME, then python code adding members to tarfile `t`
    python3 - "$work/$1.tar.gz" "$2" <<'PY'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w:gz") as t:
    def add(name, data=b"x", **kw):
        info = tarfile.TarInfo(name)
        for key, value in kw.items():
            setattr(info, key, value)
        info.size = len(data) if info.type == tarfile.REGTYPE else 0
        t.addfile(info, io.BytesIO(data) if info.type == tarfile.REGTYPE else None)
    add("python/bin/python3.11", b"\x7fELF")
    exec(sys.argv[2])
PY
}
hostile absolute 'add("/tmp/pydeb-CANARY")'
refused absolute "$work/absolute.tar.gz" "member '/tmp/pydeb-CANARY' has an absolute path"
hostile dotdot 'add("python/../../CANARY")'
refused dotdot "$work/dotdot.tar.gz" "member 'python/../../CANARY' has a '..' component"
hostile device 'add("python/lib/null", type=tarfile.CHRTYPE, devmajor=1, devminor=3)'
refused device "$work/device.tar.gz" "member 'python/lib/null' is a device, fifo or socket"
hostile abslink 'add("python/lib/etc", type=tarfile.SYMTYPE, linkname="/etc")'
refused abslink "$work/abslink.tar.gz" "member 'lib/etc' is a symlink to '/etc', outside the interpreter's prefix"
hostile uplink 'add("python/lib/up", type=tarfile.SYMTYPE, linkname="../../../CANARY")'
refused uplink "$work/uplink.tar.gz" "member 'lib/up' is a symlink to '../../../CANARY'"
# Through a link to ".", a path that reads as inside climbs out (found by tests/fuzz/fuzz_tar.cpp).
hostile loopback 'add("python/lib/x", type=tarfile.SYMTYPE, linkname="."); add("python/lib/up", type=tarfile.SYMTYPE, linkname="x/x/x/../../../../CANARY")'
refused loopback "$work/loopback.tar.gz" "member 'lib/up' is a symlink to 'x/x/x/../../../../CANARY'"
hostile notprefix 'add("python/README", b"hello")'
refused notprefix "$work/notprefix.tar.gz" "not a CPython prefix: no lib/python3.X/os.py"
head -c "$(($(stat -c %s "$work/python.tar.zst") / 2))" "$work/python.tar.zst" >"$work/truncated.tar.zst"
refused truncated "$work/truncated.tar.zst" "truncated.tar.zst"
# The wheels must fit the bundled Python, not the host's: a wheelhouse with PyYAML for cp312 only.
mkdir "$work/cp312"
cp "$wheels"/click-*.whl "$work/cp312/"
cp "$wheels"/PyYAML-*.whl "$work/cp312/PyYAML-6.0-cp312-cp312-linux_x86_64.whl"
refused wrong-python "$work/python.tar.zst" "PyYAML-6.0-cp312-cp312-linux_x86_64.whl" "$work/cp312"
