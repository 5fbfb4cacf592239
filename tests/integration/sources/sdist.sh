#!/bin/bash
# Issue #19, Done-when 2: a dependency that only an sdist provides, served by a loopback nginx
# index, is built into a wheel (PEP 517, in an isolated build environment whose setuptools and
# wheel come from the same index), cached, and imported in a clean bookworm root; the second build
# does not rebuild it. Checked with tools that are not pydeb's:
#  - the sdists are made at test time with Debian's setuptools (`python3 setup.py sdist`) from a
#    small C extension; the build requirements on the index are the wheels Debian ships
#    (python3-setuptools-whl, python3-wheel-whl: /usr/share/python-wheels);
#  - apt-get installs the .deb in a clean root, where the extension is imported and called;
#  - nginx's access log shows the first build fetching the build requirements and the second
#    fetching nothing; the cache entry's build.log (the backend's output) is not rewritten;
#  - the lock records the sdist's URL and sha256;
#  - a C syntax error fails naming the sdist with gcc's error in the output's tail; only-binary
#    refuses the sdist; an sdist with a '../evil' member is refused and nothing lands outside;
#  - a setup.py that writes outside its build directory fails under bubblewrap with EROFS, naming
#    the sdist, and the file does not exist afterwards (its private /tmp and HOME writes do not
#    reach the host, and it has no network); with install.sdist-sandbox: none the same write
#    happens, so the sandbox is what stopped it; without bwrap on PATH the build fails, saying so.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
[ "$(id -u)" = 0 ] || fail "needs root for chroot (the clean root)"
need nginx nginx-light
need debootstrap debootstrap
need gcc gcc
need bwrap bubblewrap
need unshare util-linux
need setpriv util-linux
python=/usr/bin/python3
clean_root=$PYDEB_SOURCE_ROOT/tests/integration/lib/clean-root.sh
nginx_sh=$PYDEB_SOURCE_ROOT/tests/integration/lib/loopback-nginx.sh
work=$(scratch)
# shellcheck disable=SC2064 # expand now
trap "bash '$nginx_sh' stop '$work/nginx'; '$clean_root' --remove '$PYDEB_TEST_TMP'" EXIT
for whl in setuptools wheel; do
    ls /usr/share/python-wheels/$whl-*-py3-none-any.whl >/dev/null 2>&1 ||
        fail "/usr/share/python-wheels has no $whl wheel: apt-get install python3-$whl-whl (tests/install-deps.sh)"
done

# c_project DIR NAME C-BODY: a setup.py project with one C extension module NAME (no
# pyproject.toml: the build takes PEP 517's fallback, setuptools' legacy backend).
c_project() {
    mkdir -p "$1"
    cat >"$1/setup.py" <<PY
from setuptools import setup, Extension
setup(name="$2", version="1.0", ext_modules=[Extension("$2", ["$2.c"])])
PY
    cat >"$1/$2.c" <<C
#define PY_SSIZE_T_CLEAN
#include <Python.h>
$3
static PyMethodDef methods[] = {{"add", add, METH_VARARGS, "a + b"}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "$2", NULL, -1, methods};
PyMODINIT_FUNC PyInit_$2(void) { return PyModule_Create(&module); }
C
    (cd "$1" && "$python" setup.py -q sdist -d "$work/dists") >"$work/sdist-$2.log" 2>&1 ||
        { cat "$work/sdist-$2.log"; fail "python3 setup.py sdist of $2"; }
}
c_project "$work/fastsum" fastsum 'static PyObject *add(PyObject *self, PyObject *args)
{ long a, b; if (!PyArg_ParseTuple(args, "ll", &a, &b)) return NULL; return PyLong_FromLong(a + b); }'
c_project "$work/brokensum" brokensum 'static PyObject *add(PyObject *self, PyObject *args)
{ long a, b; if (!PyArg_ParseTuple(args, "ll", &a, &b)) return NULL return PyLong_FromLong(a + b); }'
for sdist in fastsum-1.0.tar.gz brokensum-1.0.tar.gz; do
    [ -f "$work/dists/$sdist" ] || fail "setuptools did not write $sdist: $(ls "$work/dists")"
done
mark=evil-$RANDOM$RANDOM
"$python" - "$work/dists/evilsum-1.0.tar.gz" "$mark" <<'PY'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w:gz") as t:
    for name, data in (("evilsum-1.0/setup.py", b"from setuptools import setup\nsetup()\n"),
                       ("../" + sys.argv[2], b"written outside\n")):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
PY
# A symlink out of the tree, then a member written through it.
"$python" - "$work/dists/linksum-1.0.tar.gz" "$work/outside" "$mark" <<'PY'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w:gz") as t:
    link = tarfile.TarInfo("linksum-1.0/out")
    link.type, link.linkname = tarfile.SYMTYPE, sys.argv[2]
    t.addfile(link)
    info = tarfile.TarInfo("linksum-1.0/out/" + sys.argv[3])
    info.size = 1
    t.addfile(info, io.BytesIO(b"x"))
PY
mkdir "$work/outside"
# A hostile setup.py: it writes the private /tmp and HOME its sandbox gives it, tries the
# loopback index (the sandbox has no network), then writes into the user's home outside (not
# under /tmp, which the sandbox replaces: there a write finds no directory rather than EROFS).
outside=${HOME:?}/$mark.outside
# shellcheck disable=SC2064 # expand now
trap "rm -f '$outside'; bash '$nginx_sh' stop '$work/nginx'; '$clean_root' --remove '$PYDEB_TEST_TMP'" EXIT
mkdir -p "$work/hostile"
cat >"$work/hostile/setup.py" <<PY
import os, socket
from setuptools import setup
open("/tmp/$mark", "w").write("a private /tmp\n")
open(os.path.join(os.environ["HOME"], "$mark"), "w").write("a private HOME\n")
try:
    socket.create_connection(("127.0.0.1", int(os.environ.get("SUM_INDEX_PORT", "9"))), timeout=5).close()
    network = "network reachable"
except OSError:
    network = "network unreachable"
try:
    open("$outside", "w").write(network + "\n")
except OSError as error:
    raise SystemExit(network + "; " + str(error))
print(network)
setup(name="hostilesum", version="1.0", py_modules=["hostilesum"])
PY
echo 'def add(a, b): return a + b' >"$work/hostile/hostilesum.py"
(cd "$work/hostile" && "$python" setup.py -q sdist -d "$work/dists") >"$work/sdist-hostile.log" 2>&1 ||
    { cat "$work/sdist-hostile.log"; fail "python3 setup.py sdist of hostilesum"; }
rm -f "/tmp/$mark" "$HOME/$mark" "$outside" # setup.py sdist ran it unconfined
# asksum: an in-tree backend (PEP 517 backend-path) whose get_requires_for_build_wheel asks for
# askdep, which its build_wheel imports: pydeb runs the two hooks in one process, finds askdep
# missing from that environment, and builds again with it installed (PEP 517: the hook's
# requirements are installed before build_wheel). askdep is a wheel on the index.
mkdir -p "$work/asksum"
cat >"$work/asksum/pyproject.toml" <<'TOML'
[build-system]
requires = ["setuptools>=40.8.0", "wheel"]
build-backend = "askbackend"
backend-path = ["."]
TOML
cat >"$work/asksum/askbackend.py" <<'PY'
from setuptools import build_meta as _setuptools
def get_requires_for_build_wheel(config_settings=None):
    return ["askdep>=1"]
def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    import askdep  # only there when the hook's requirement was installed first
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
PY
printf 'from setuptools import setup\nsetup(name="asksum", version="1.0", py_modules=["asksum"])\n' >"$work/asksum/setup.py"
echo 'def add(a, b): return a + b' >"$work/asksum/asksum.py"
printf 'include askbackend.py\n' >"$work/asksum/MANIFEST.in"
(cd "$work/asksum" && "$python" setup.py -q sdist -d "$work/dists") >"$work/sdist-asksum.log" 2>&1 ||
    { cat "$work/sdist-asksum.log"; fail "python3 setup.py sdist of asksum"; }
"$python" - "$work/dists/askdep-1.0-py3-none-any.whl" <<'PY'
import base64, hashlib, sys, zipfile
files = {"askdep.py": b"", "askdep-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: askdep\nVersion: 1.0\n",
         "askdep-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
record = "".join("%s,sha256=%s,%d\n" % (n, base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode(), len(d)) for n, d in files.items())
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for n, d in files.items():
        z.writestr(n, d)
    z.writestr("askdep-1.0.dist-info/RECORD", record + "askdep-1.0.dist-info/RECORD,,\n")
PY
cp /usr/share/python-wheels/setuptools-*-py3-none-any.whl /usr/share/python-wheels/wheel-*-py3-none-any.whl "$work/dists/"
"$python" "$PYDEB_SOURCE_ROOT/tests/integration/sources/make-index.py" "$work/dists" "$work/index"
mkdir -p "$work/nginx"
port=$(bash "$nginx_sh" start "$work/index" "$work/nginx")
base=http://127.0.0.1:$port
export SUM_INDEX_PORT=$port
export XDG_CACHE_HOME=$work/cache TMPDIR=$work/tmp
mkdir -p "$TMPDIR"

app() { # DIR REQUIREMENT [MORE-INSTALL-LINES]
    mkdir -p "$1"
    cat >"$1/pydeb.yaml" <<SPEC
name: sumapp
version: "1.0"
summary: an app whose dependency is only an sdist
description: sumapp needs fastsum, a C extension published only as an sdist.
maintainer: Jane Doe <jane@example.com>
license: MIT
python: {interpreter: /usr/bin/python3}
install:
  requirements: ["$2"]
  indexes: ["$base/html/simple/"]
${3:-}
formats: [deb]
SPEC
}
requests() { wc -l <"$work/nginx/access.log"; }

app "$work/app" fastsum
start=$(date +%s%N)
"$PYDEB" build "$work/app/pydeb.yaml" -o "$work/out1" >"$work/build1.log" 2>&1 ||
    { cat "$work/build1.log"; fail "pydeb build of an app whose dependency is only an sdist"; }
first=$(( ($(date +%s%N) - start) / 1000000 ))
for requirement in setuptools wheel; do
    has "^GET /files/$requirement-.*\.whl 200 " "$work/nginx/access.log" ||
        fail "the build requirement $requirement was not fetched from the index: $(cat "$work/nginx/access.log")"
done
entries() { find "$XDG_CACHE_HOME/pydeb/built-wheels" -mindepth 1 -maxdepth 1 -type d ! -name '.*'; }
entry=$(entries)
[ -f "$entry/fastsum-1.0-cp311-cp311-linux_x86_64.whl" ] || fail "built-wheels entry: $(ls "$entry")"
has 'gcc' "$entry/build.log" || fail "the entry's build.log holds no compiler call: $(cat "$entry/build.log")"
# setuptools asks for "wheel", which the environment holds: one backend process ran both hooks.
[ "$(grep '^\$ ' "$entry/build.log")" = '$ get_requires_then_build_wheel' ] ||
    fail "fastsum's hooks did not run in one process: $(grep '^\$ ' "$entry/build.log")"
log_stat=$(stat -c '%i %Y %s' "$entry/build.log")
pass "fastsum-1.0.tar.gz built with setuptools and wheel from the index, in ${first} ms (cache entry $(basename "$entry"))"

# The lock records the sdist as the artifact; a locked build takes the built wheel from the cache:
# no index page, no download, no build (nothing in nginx's log, build.log untouched).
"$PYDEB" lock "$work/app/pydeb.yaml" >"$work/lock.log" 2>&1 || { cat "$work/lock.log"; fail "pydeb lock"; }
sha=$(sha256sum "$work/dists/fastsum-1.0.tar.gz" | cut -d' ' -f1)
grep -qx "sdist fastsum 1.0 fastsum-1.0.tar.gz sha256=$sha url=$base/files/fastsum-1.0.tar.gz" "$work/app/pydeb.lock" ||
    fail "the lock does not record the sdist's URL and sha256: $(cat "$work/app/pydeb.lock")"
before=$(requests)
start=$(date +%s%N)
"$PYDEB" build "$work/app/pydeb.yaml" -o "$work/out2" >"$work/build2.log" 2>&1 ||
    { cat "$work/build2.log"; fail "second pydeb build"; }
second=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$(requests)" = "$before" ] || fail "the second build made requests: $(tail -n +"$((before + 1))" "$work/nginx/access.log")"
[ "$(stat -c '%i %Y %s' "$entry/build.log")" = "$log_stat" ] || fail "the second build rewrote the cache entry"
[ "$(entries | wc -l)" = 1 ] || fail "the second build made another entry"
pass "the locked second build did not rebuild: no request, the entry unchanged (${second} ms vs ${first} ms)"

# A build without the lock asks the index for fastsum's page again, but not for the build
# requirements: the built wheel is found by the sdist's sha256 before any environment is made.
rm "$work/app/pydeb.lock"
before=$(requests)
"$PYDEB" build "$work/app/pydeb.yaml" -o "$work/out3" >"$work/build3.log" 2>&1 ||
    { cat "$work/build3.log"; fail "third pydeb build"; }
tail -n +"$((before + 1))" "$work/nginx/access.log" | has -e setuptools -e '/wheel' &&
    fail "an unlocked rebuild fetched build requirements: $(tail -n +"$((before + 1))" "$work/nginx/access.log")"
[ "$(stat -c '%i %Y %s' "$entry/build.log")" = "$log_stat" ] || fail "the unlocked rebuild rewrote the cache entry"
pass "an unlocked rebuild asked only for $(tail -n +"$((before + 1))" "$work/nginx/access.log" | awk '{print $2}' | tr '\n' ' ')"

# A clean bookworm root: apt installs the package, and the extension is imported and called.
deb=$work/out2/sumapp_1.0-1_amd64.deb
[ -f "$deb" ] || fail "no .deb: $(ls "$work/out2")"
root=$work/root
"$clean_root" "$root"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"; }
in_root apt-get install -y -qq "/tmp/$(basename "$deb")" >"$work/apt.log" 2>&1 ||
    { tail -20 "$work/apt.log"; fail "apt-get install $(basename "$deb") in the clean root"; }
[ "$(in_root /opt/venvs/sumapp/bin/python -c 'import fastsum; print(fastsum.add(40, 2))')" = 42 ] ||
    fail "fastsum does not import or add in the clean root"
pass "apt-get installs the package in a clean bookworm root; fastsum.add(40, 2) == 42 there"

# only-binary: the same requirement fails, naming the sdist and the switch.
app "$work/binary" fastsum "  only-binary: true"
if "$PYDEB" -q lock "$work/binary/pydeb.yaml" >"$work/binary.log" 2>&1; then
    fail "only-binary accepted a requirement only an sdist provides"
fi
grep -q 'only the sdist fastsum-1.0.tar.gz provides it, and install.only-binary is set' "$work/binary.log" ||
    fail "the only-binary refusal does not name the sdist and the switch: $(cat "$work/binary.log")"
[ ! -e "$work/binary/pydeb.lock" ] || fail "a lock was written despite the refusal"
pass "only-binary refuses it: $(grep only-binary "$work/binary.log" | head -1)"

# A C syntax error: the error names the sdist (file and URL) and shows gcc's error.
app "$work/broken" brokensum
if "$PYDEB" -q build "$work/broken/pydeb.yaml" -o "$work/out-broken" >"$work/broken.log" 2>&1; then
    fail "a broken sdist built"
fi
grep -q "brokensum-1.0.tar.gz ($base/files/brokensum-1.0.tar.gz)" "$work/broken.log" ||
    fail "the failure does not name the sdist and its URL: $(cat "$work/broken.log")"
grep -Eq "brokensum.c:[0-9]+:[0-9]+: error: expected .;." "$work/broken.log" ||
    fail "the failure does not show the compiler's error: $(cat "$work/broken.log")"
[ "$(grep -c '' "$work/broken.log")" -le 25 ] || fail "more than the tail of the output: $(wc -l <"$work/broken.log") lines"
[ -z "$(ls -A "$work/out-broken" 2>/dev/null)" ] || fail "a failed build left output: $(ls "$work/out-broken")"
pass "a broken sdist fails with the compiler's error: $(grep -m1 "error: expected" "$work/broken.log")"

# A hostile sdist: the '../' member is refused before anything is built; nothing lands outside.
app "$work/evil" evilsum
if "$PYDEB" -q build "$work/evil/pydeb.yaml" -o "$work/out-evil" >"$work/evil.log" 2>&1; then
    fail "an sdist with a '../' member was accepted"
fi
grep -q "evilsum-1.0.tar.gz .*member '../$mark' is refused" "$work/evil.log" ||
    fail "the refusal does not name the sdist and the member: $(cat "$work/evil.log")"
[ -z "$(find "$work" "${TMPDIR:?}" /tmp -xdev -name "$mark" 2>/dev/null)" ] || fail "the '../' member was written"
[ -z "$(find "$TMPDIR" -mindepth 1 -maxdepth 1 -name 'pydeb-*')" ] || fail "scratch directories were left: $(ls "$TMPDIR")"
pass "a hostile sdist is refused: $(head -1 "$work/evil.log")"
app "$work/link" linksum
if "$PYDEB" -q build "$work/link/pydeb.yaml" -o "$work/out-link" >"$work/link.log" 2>&1; then
    fail "an sdist with a symlink out of its directory was accepted"
fi
grep -q "linksum-1.0.tar.gz .*member 'linksum-1.0/out' is refused: it is a symlink to '$work/outside', which leaves" "$work/link.log" ||
    fail "the refusal does not name the sdist and the symlink: $(cat "$work/link.log")"
[ -z "$(ls -A "$work/outside")" ] || fail "a member was written through the symlink: $(ls "$work/outside")"
pass "an sdist with a symlink out of its directory is refused: $(head -1 "$work/link.log")"

# A build that writes outside its directory: bubblewrap makes that EROFS; the error names the
# sdist and shows the backend's last lines; nothing is written outside, nothing is output or
# cached. Its /tmp and HOME writes stayed in the sandbox.
app "$work/hostile-app" hostilesum
if "$PYDEB" -q build "$work/hostile-app/pydeb.yaml" -o "$work/out-hostile" >"$work/hostile.log" 2>&1; then
    fail "an sdist whose build writes outside its directory was built"
fi
grep -q "building hostilesum-1.0.tar.gz ($base/files/hostilesum-1.0.tar.gz) failed: .*writing outside its build directory" "$work/hostile.log" ||
    fail "the failure does not name the sdist and the write outside: $(cat "$work/hostile.log")"
grep -q "network unreachable; \[Errno 30\] Read-only file system: '$outside'" "$work/hostile.log" ||
    fail "the output's tail does not show EROFS (or the build reached the network): $(cat "$work/hostile.log")"
[ ! -e "$outside" ] || fail "the hostile build wrote $outside"
if [ -e "/tmp/$mark" ] || [ -e "$HOME/$mark" ]; then
    fail "the hostile build's /tmp or HOME write reached the host"
fi
[ -z "$(find "$work" "${TMPDIR:?}" /tmp "$HOME" -xdev -name "$mark*" 2>/dev/null)" ] ||
    fail "the hostile build left $(find "$work" "$TMPDIR" /tmp "$HOME" -xdev -name "$mark*")"
[ -z "$(ls -A "$work/out-hostile" 2>/dev/null)" ] || fail "a failed build left output: $(ls "$work/out-hostile")"
[ "$(entries | wc -l)" = 1 ] || fail "the failed build made a cache entry"
pass "a build writing outside its directory fails: $(grep -m1 'Read-only file system' "$work/hostile.log")"

# Without bwrap (here: not on PATH) the build does not run unconfined: it fails saying so.
mkdir "$work/no-path"
if PATH=$work/no-path "$PYDEB" -q lock "$work/hostile-app/pydeb.yaml" >"$work/nobwrap.log" 2>&1; then
    fail "an sdist was built without bwrap"
fi
grep -q "hostilesum-1.0.tar.gz .*cannot be confined (cannot find 'bwrap' on PATH.*install.sdist-sandbox: none" "$work/nobwrap.log" ||
    fail "the failure does not say bwrap is missing and how to proceed: $(cat "$work/nobwrap.log")"
[ ! -e "$outside" ] || fail "the build ran without bwrap"
pass "without bwrap the build is refused: $(head -c 200 "$work/nobwrap.log")"

# Where bwrap may not create namespaces (as in a container that forbids user namespaces: here a
# user namespace whose user.max_user_namespaces is 0, without capabilities), the build fails
# with bwrap's own reason; it does not run unconfined.
# shellcheck disable=SC2016 # $0 and $@ expand in the inner sh
if ! unshare --user --map-root-user sh -c 'echo 0 >/proc/sys/user/max_user_namespaces && exec setpriv --bounding-set=-all --inh-caps=-all "$0" "$@"' \
    "$PYDEB" -q lock "$work/hostile-app/pydeb.yaml" >"$work/nons.log" 2>&1; then
    grep -q "hostilesum-1.0.tar.gz .*cannot be confined (bwrap exited 1: bwrap: .*namespace.*install.sdist-sandbox: none" "$work/nons.log" ||
        fail "the failure does not say bwrap cannot create namespaces and how to proceed: $(cat "$work/nons.log")"
else
    fail "an sdist was built where bwrap cannot create namespaces: $(cat "$work/nons.log")"
fi
[ ! -e "$outside" ] || fail "the build ran unconfined where bwrap cannot create namespaces"
pass "where bwrap cannot create namespaces the build is refused: $(grep -o 'cannot be confined ([^)]*)' "$work/nons.log")"

# install.sdist-sandbox: none trusts the sdist: the same build runs unconfined, reaches the
# network and writes outside, which shows that the sandbox is what stopped it above.
app "$work/trusted" hostilesum "  sdist-sandbox: none"
"$PYDEB" -q lock "$work/trusted/pydeb.yaml" >"$work/trusted.log" 2>&1 ||
    { cat "$work/trusted.log"; fail "the unconfined build of hostilesum"; }
grep -qx "network reachable" "$outside" ||
    fail "the unconfined build did not write outside with the network: $(cat "$outside" 2>&1)"
rm -f "/tmp/$mark" "$outside"
pass "with install.sdist-sandbox: none the same build writes $outside and reaches the index"

# The unconfined build's wheel is cached under its sandbox mode: a confined build of the same
# sdist does not take it, it builds again and fails as before.
if "$PYDEB" -q lock "$work/hostile-app/pydeb.yaml" >"$work/hostile2.log" 2>&1; then
    fail "a confined build took the wheel the unconfined build cached"
fi
grep -q "Read-only file system: '$outside'" "$work/hostile2.log" ||
    fail "the confined build after an unconfined one did not fail on EROFS: $(cat "$work/hostile2.log")"
[ ! -e "$outside" ] || fail "the confined build wrote $outside"
pass "a wheel built unconfined is not served to a confined build (cache keyed by the sandbox mode)"

# A backend whose get_requires_for_build_wheel asks for what the environment lacks: the wheel of
# the one-process run is not kept; askdep is fetched and installed, the tree extracted anew, and
# build_wheel runs again (and imports askdep).
app "$work/ask" asksum
"$PYDEB" -q lock "$work/ask/pydeb.yaml" >"$work/ask.log" 2>&1 || { cat "$work/ask.log"; fail "the build of asksum"; }
has "^GET /files/askdep-1.0-py3-none-any.whl 200 " "$work/nginx/access.log" ||
    fail "askdep, which get_requires_for_build_wheel asked for, was not fetched: $(cat "$work/nginx/access.log")"
ask_entry=$(grep -l '^\$ build_wheel$' $(entries | sed 's|$|/build.log|') 2>/dev/null | head -1)
[ -n "$ask_entry" ] || fail "no build.log shows build_wheel run again: $(cat $(entries | sed 's|$|/build.log|'))"
[ "$(grep '^\$ ' "$ask_entry")" = "$(printf '$ get_requires_then_build_wheel\n$ build_wheel')" ] ||
    fail "asksum's hooks: $(grep '^\$ ' "$ask_entry")"
has "No module named 'askdep'" "$ask_entry" || fail "the first run did not lack askdep: $(cat "$ask_entry")"
ls "$(dirname "$ask_entry")"/asksum-1.0-*.whl >/dev/null || fail "no asksum wheel in $(dirname "$ask_entry")"
pass "a backend asking for askdep: built again with it installed ($(grep '^\$ ' "$ask_entry" | tr '\n' ' '))"
