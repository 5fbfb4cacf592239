#!/bin/bash
# Issue #15, "Done when" item 3: a pure-Python app (Flask, requests, its own project with an entry
# point) on the system interpreter, built on this bookworm host for targets [bullseye, bookworm,
# trixie] from a real Debian mirror subset (lib/debian-mirror.sh, served by a loopback nginx):
#  - three packages, each resolved and installed for its release's own python3.X (read from the
#    release's verified Packages, never run here): Depends names python3.9 / python3.11 /
#    python3.13, the venv is lib/python3.X with bin/python3 -> /usr/bin/python3.X and pyvenv.cfg
#    version 3.X.Y; the wheelhouse holds MarkupSafe as cp311 (with its C speedups) and as
#    py3-none-any: bookworm gets the cp311 one, the others the pure one (wheel tags per target);
#  - bullseye's data member is xz, the others zstd;
#  - bullseye's and trixie's bytecode is not in the package (their Python is not the host's): it is
#    compiled by postinst and removed by prerm; bookworm's is built in;
#  - each installs with apt-get in a clean minbase root of its release (lib/clean-root.sh), the
#    app's entry point runs there (Flask test client, requests), bytecode for the release's
#    cache tag is present after the install and gone after the remove;
#  - with only the cp311 MarkupSafe, the bullseye build fails before writing, naming the wheel and
#    bullseye's Python;
#  - `pydeb lock` writes pydeb.lock (3.11) and pydeb.python3.9.lock / pydeb.python3.13.lock, each
#    with its Python's wheels; a build missing a target's lock is refused.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
need nginx nginx-light
need debootstrap debootstrap
need zstd zstd
[ "$(id -u)" = 0 ] || fail "needs root (chroot, apt in a debootstrap root)"
lib=$PYDEB_SOURCE_ROOT/tests/integration/lib
work=$(scratch)
# bookworm's Contents and libc6 (the cp311 MarkupSafe's _speedups links libc.so.6).
bash "$lib/debian-mirror.sh" --packages libc6 bookworm >/dev/null
mirror=$(bash "$lib/debian-mirror.sh" bullseye trixie)
mkdir -p "$work/www"
ln -s "$mirror/debian" "$work/www/good"
releases=(bullseye bookworm trixie)
cleanup() {
    local r
    wait # the roots' jobs: nothing may still be using a root when it goes
    bash "$lib/loopback-nginx.sh" stop "$work/nginx"
    for r in "${releases[@]}"; do bash "$lib/clean-root.sh" --remove "$work/root-$r"; done
    rm -rf --one-file-system "$PYDEB_TEST_TMP"
}
trap cleanup EXIT
port=$(bash "$lib/loopback-nginx.sh" start "$work/www" "$work/nginx")
url=http://127.0.0.1:$port/good
# The clean roots are unpacked (or made once, then cached) while pydeb builds.
for r in "${releases[@]}"; do
    bash "$lib/clean-root.sh" "$work/root-$r" "$r" >"$work/root-$r.log" 2>&1 &
done

# The wheelhouse: the corpus (Flask, requests, ... repacked from bookworm's python3-* packages)
# and MarkupSafe again without its extension module, as py3-none-any (its pure-Python fallback).
bash "$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" >/dev/null
mkdir -p "$work/wheels" "$work/cp311"
cp "$PYDEB_CACHE"/wheels/*.whl "$work/wheels/"
cp "$PYDEB_CACHE"/wheels/*.whl "$work/cp311/"
markupsafe=$(find "$work/wheels" -name 'MarkupSafe-*-cp311-cp311-linux_x86_64.whl')
[ -n "$markupsafe" ] || fail "no cp311 MarkupSafe in the corpus: $(ls "$work/wheels")"
python3 - "$markupsafe" "$work/wheels" <<'PY'
import os, re, sys, zipfile
sys.path.insert(0, os.path.join(os.environ["PYDEB_SOURCE_ROOT"], "tests/corpus"))
import wheelpack
source, out = sys.argv[1], sys.argv[2]
name = os.path.basename(source).replace("-cp311-cp311-linux_x86_64.whl", "-py3-none-any.whl")
entries, record = [], None
with zipfile.ZipFile(source) as z:
    for info in z.infolist():
        if info.filename.endswith(".so") or info.filename.endswith(".c"):
            continue
        data = z.read(info)
        if info.filename.endswith(".dist-info/RECORD"):
            record = info.filename
            continue
        if info.filename.endswith(".dist-info/WHEEL"):
            data = re.sub(rb"Tag: .*", b"Tag: py3-none-any", data)
            data = data.replace(b"Root-Is-Purelib: false", b"Root-Is-Purelib: true")
        entries.append(wheelpack.Entry(info.filename, data))
entries.append(wheelpack.Entry(record, wheelpack.record_for(entries, record)))
wheelpack.write_zip(os.path.join(out, name), entries)
PY
# The app: its own project (Debian's setuptools builds it), an entry point using both libraries.
mkdir -p "$work/app/sysapp"
cat >"$work/app/pyproject.toml" <<'TOML'
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"
[project]
name = "sysapp"
version = "1.0"
dependencies = ["flask>=2", "requests"]
[project.scripts]
sysapp = "sysapp:main"
[tool.setuptools]
packages = ["sysapp"]
TOML
cat >"$work/app/sysapp/__init__.py" <<'PY'
import sys
import flask, markupsafe, requests

def main():
    app = flask.Flask("sysapp")

    @app.route("/")
    def index():
        return markupsafe.escape("<%s>" % requests.__version__)

    body = app.test_client().get("/").get_data(as_text=True)
    speedups = "speedups" if markupsafe.escape.__module__ == "markupsafe._speedups" else "native"
    print("sysapp", "%d.%d" % sys.version_info[:2], flask.__version__, body, speedups)
PY
spec() { # WHEELHOUSE TARGET...
    local house=$1
    shift
    cat >"$work/app/pydeb.yaml" <<SPEC
name: sysapp
version: "1.0"
summary: Flask and requests on each release's python3
description: d
maintainer: Jane Doe <jane@example.com>
license: MIT
install: {project: ".", wheelhouse: [$house]}
entry-points: [sysapp]
formats: [deb]
targets:
SPEC
    for r in "$@"; do echo "  - {release: $r, archive: $url}" >>"$work/app/pydeb.yaml"; done
}
build() { # OUT: pydeb build into OUT, its output in OUT.log
    (cd "$work/app" && XDG_CACHE_HOME=$work/xdg "$PYDEB" build pydeb.yaml -o "$1") >"$1.log" 2>&1
}

# --- no fitting wheel for bullseye's Python: refused before writing -----------------------------------
spec "$work/cp311" bullseye bookworm
if build "$work/out-nofit"; then fail "bullseye built with only a cp311 MarkupSafe"; fi
has -E "target bullseye: Python 3\.9\.[0-9]+ \(/usr/bin/python3\.9 in its Packages\)" "$work/out-nofit.log" ||
    fail "the failure does not name bullseye's Python: $(cat "$work/out-nofit.log")"
has -F "${markupsafe##*/}" "$work/out-nofit.log" || fail "the failure does not name the wheel: $(cat "$work/out-nofit.log")"
[ -z "$(ls -A "$work/out-nofit" 2>/dev/null)" ] || fail "a failed build wrote: $(ls "$work/out-nofit")"
pass "no fitting wheel for bullseye refused before writing: $(grep -m1 -F "${markupsafe##*/}" "$work/out-nofit.log")"

# --- three releases, three Pythons ------------------------------------------------------------------
spec "$work/wheels" "${releases[@]}"
start=$(date +%s)
build "$work/out" || { cat "$work/out.log"; fail "build for ${releases[*]}"; }
echo "built for ${releases[*]} in $(($(date +%s) - start)) s"
declare -A minor=([bullseye]=9 [bookworm]=11 [trixie]=13) number=([bullseye]=11 [bookworm]=12 [trixie]=13)
for r in "${releases[@]}"; do
    deb=$work/out/sysapp_1.0-1~deb${number[$r]}_amd64.deb
    [ -f "$deb" ] || fail "no $r package: $(ls "$work/out")"
    x=3.${minor[$r]}
    depends=$(dpkg-deb -f "$deb" Depends)
    tr ',' '\n' <<<"$depends" | sed 's/^ *//' | has -xF "python$x" || fail "$r: Depends has no python$x: $depends"
    [ "$(tr ',' '\n' <<<"$depends" | grep -c 'python3\.[0-9]')" = 1 ] || fail "$r: more than one python3.X: $depends"
    members=$(ar t "$deb" | tr '\n' ' ')
    want=data.tar.zst
    [ "$r" = bullseye ] && want=data.tar.xz
    [[ $members == *"$want"* ]] || fail "$r: members $members, expected $want"
    dpkg-deb -x "$deb" "$work/x-$r"
    venv=$work/x-$r/opt/venvs/sysapp
    [ -d "$venv/lib/python$x/site-packages/flask" ] || fail "$r: no lib/python$x/site-packages/flask"
    [ "$(readlink "$venv/bin/python3")" = "/usr/bin/python$x" ] || fail "$r: bin/python3 -> $(readlink "$venv/bin/python3")"
    has -E "^version = $x\.[0-9]+$" "$venv/pyvenv.cfg" || fail "$r: pyvenv.cfg: $(cat "$venv/pyvenv.cfg")"
    has -xF "home = /usr/bin" "$venv/pyvenv.cfg" || fail "$r: pyvenv.cfg: $(cat "$venv/pyvenv.cfg")"
    speedups=$(find "$venv" -name '_speedups*.so' | wc -l)
    pycs=$(find "$venv" -name '*.pyc' | wc -l)
    if [ "$r" = bookworm ]; then
        [ "$speedups" = 1 ] || fail "bookworm: the cp311 MarkupSafe was not chosen"
        [ "$pycs" -gt 100 ] || fail "bookworm: only $pycs .pyc in the package (bytecode: build)"
        dpkg-deb -e "$deb" "$work/control-$r"
        ! grep -rl compileall "$work/control-$r" || fail "bookworm: a maintainer script compiles"
    else
        [ "$speedups" = 0 ] || fail "$r: a cp311 extension module in a Python $x package"
        [ "$pycs" = 0 ] || fail "$r: $pycs .pyc in a package for a Python this host cannot run"
        dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | has -xF "	pydeb_python='/usr/bin/python$x'" ||
            fail "$r: postinst does not compile with python$x"
    fi
    echo "$r: $depends; $members; $pycs .pyc, $speedups speedups"
done
pass "three packages, each for its release's python3.X (Depends, venv, tags, xz for bullseye, bytecode)"

# --- locks: one per Python ------------------------------------------------------------------------------
(cd "$work/app" && XDG_CACHE_HOME=$work/xdg "$PYDEB" lock -q pydeb.yaml) >"$work/lock.log" 2>&1 ||
    { cat "$work/lock.log"; fail "pydeb lock with targets"; }
for lock in pydeb.lock pydeb.python3.9.lock pydeb.python3.13.lock; do
    [ -f "$work/app/$lock" ] || fail "pydeb lock wrote no $lock: $(cat "$work/lock.log")"
done
has -E '^wheel markupsafe .* MarkupSafe-[0-9.]+-cp311-cp311-linux_x86_64\.whl ' "$work/app/pydeb.lock" ||
    fail "the host's lock: $(grep markupsafe "$work/app/pydeb.lock")"
has -E '^wheel markupsafe .* MarkupSafe-[0-9.]+-py3-none-any\.whl ' "$work/app/pydeb.python3.9.lock" ||
    fail "bullseye's lock: $(grep markupsafe "$work/app/pydeb.python3.9.lock")"
rm "$work/app/pydeb.python3.13.lock"
if build "$work/out-nolock"; then fail "a build with the host's lock but not trixie's succeeded"; fi
has -F "has no lock of its own ($work/app/pydeb.python3.13.lock): run 'pydeb lock" "$work/out-nolock.log" ||
    fail "the refusal does not name trixie's lock: $(cat "$work/out-nolock.log")"
[ -z "$(ls -A "$work/out-nolock" 2>/dev/null)" ] || fail "a failed build wrote: $(ls "$work/out-nolock")"
pass "pydeb lock writes a lock per Python (cp311 MarkupSafe for 3.11, py3-none-any for 3.9); a missing one is refused"

# --- each in a clean root of its release ----------------------------------------------------------------
wait # the roots
installed() { # RELEASE
    local r=$1 root=$work/root-$1 x=3.${minor[$1]} deb
    deb=sysapp_1.0-1~deb${number[$r]}_amd64.deb
    in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"; }
    [ -d "$root/usr" ] || { cat "$work/root-$r.log"; echo "no $r root"; return 1; }
    mount -t proc proc "$root/proc"
    cp "$work/out/$deb" "$root/tmp/"
    in_root apt-get install -y -q --no-install-recommends "/tmp/$deb" >"$work/apt-$r.log" 2>&1 ||
        { tail -20 "$work/apt-$r.log"; echo "$r: apt-get install"; return 1; }
    in_root sysapp >"$work/run-$r.log" 2>"$work/run-$r.err" || { cat "$work/run-$r.log" "$work/run-$r.err"; echo "$r: sysapp"; return 1; }
    grep -qE "^sysapp $x [0-9.]+ &lt;[0-9.]+&gt; (native|speedups)$" "$work/run-$r.log" ||
        { echo "$r: sysapp printed $(cat "$work/run-$r.log")"; return 1; }
    local tag=cpython-3${minor[$r]} pycs
    pycs=$(find "$root/opt/venvs/sysapp" -name "*.$tag.pyc" | wc -l)
    [ "$pycs" -gt 100 ] || { echo "$r: $pycs $tag .pyc after the install"; return 1; }
    # prerm removes the bytecode, so dpkg's remove (no purge yet) leaves no directory behind.
    in_root apt-get remove -y -q sysapp >>"$work/apt-$r.log" 2>&1 || { tail -20 "$work/apt-$r.log"; echo "$r: remove"; return 1; }
    [ ! -e "$root/opt/venvs/sysapp" ] || { echo "$r: left after the remove: $(find "$root/opt/venvs/sysapp" | head)"; return 1; }
    umount "$root/proc"
    echo "$r: $(cat "$work/run-$r.log"); $pycs $tag .pyc after the install, nothing left after the remove"
}
declare -A jobs
for r in "${releases[@]}"; do
    installed "$r" >"$work/check-$r.log" 2>&1 &
    jobs[$r]=$!
done
status=0
for r in "${releases[@]}"; do
    wait "${jobs[$r]}" || status=1
done
for r in "${releases[@]}"; do cat "$work/check-$r.log"; done
[ "$status" = 0 ] || fail "a release's clean root (above)"
pass "each installs with apt-get in a clean root of its release, runs its entry point, bytecode compiled there and removed with it"
