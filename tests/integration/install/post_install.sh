#!/bin/bash
# After the wheels: bytecode (PEP 552 checked-hash .pyc), strip, /usr/bin links and the project wheel.
#  - .pyc are checked-hash (flags 3) with co_filename at the FINAL path, compiled by the target;
#  - strip --strip-debug removes debug sections, keeps dynamic symbols, RECORD stays true, and a
#    stripped extension (with a vendored auditwheel-style library) still imports;
#  - /usr/bin/NAME links point at PREFIX/bin/NAME; an unknown name is refused;
#  - build_project_wheel builds examples/hello offline by the PEP 517 hook, the same files as
#    `pip wheel --no-deps --no-build-isolation` builds (differential), and a broken project fails
#    with the backend's output.
DRIVER=$1
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$(dirname "$0")/lib.sh"
make_scratch
site=lib/python3.11/site-packages

# A C extension with debug information, as a wheel (Debian's .so files are stripped already).
mkdir -p "$work/wheels" "$work/dbg/dbgext"
cat >"$work/dbg/dbgext.c" <<'C'
#include <Python.h>
static PyObject* answer(PyObject* self, PyObject* args) { return PyLong_FromLong(42); }
static PyMethodDef methods[] = {{"answer", answer, METH_NOARGS, "42"}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_dbg", NULL, -1, methods};
PyMODINIT_FUNC PyInit__dbg(void) { return PyModule_Create(&module); }
C
read -r include suffix < <("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"], sysconfig.get_config_var("EXT_SUFFIX"))')
cc -g -O1 -shared -fPIC -I"$include" -o "$work/dbg/_dbg$suffix" "$work/dbg/dbgext.c"
readelf -S "$work/dbg/_dbg$suffix" | has '\.debug_info' || fail "the test extension has no debug info"
"$PYTHON" - "$work/wheels" "$work/dbg/_dbg$suffix" <<'PY'
import base64, hashlib, os, sys, zipfile
out, so = sys.argv[1:]
files = {"dbgext/__init__.py": b"from dbgext._dbg import answer\n",
         "dbgext/" + os.path.basename(so): open(so, "rb").read(),
         "dbgext-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: dbgext\nVersion: 1.0\n",
         "dbgext-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp311-cp311-linux_x86_64\n",
         "dbgext-1.0.dist-info/entry_points.txt": b"[console_scripts]\ndbg-answer = dbgext:answer\n"}
record = "".join("%s,sha256=%s,%d\n" % (n, base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode(), len(d)) for n, d in files.items())
files["dbgext-1.0.dist-info/RECORD"] = (record + "dbgext-1.0.dist-info/RECORD,,\n").encode()
with zipfile.ZipFile(os.path.join(out, "dbgext-1.0-cp311-cp311-linux_x86_64.whl"), "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in files.items():
        info = zipfile.ZipInfo(n)
        info.external_attr = (0o100755 if n.endswith(".so") else 0o100644) << 16
        z.writestr(info, d)
PY
vendored=$("$PYDEB_SOURCE_ROOT/tests/corpus/make-vendored-wheel.sh" "$work/wheels" | tail -1)
[[ -f $work/wheels/$vendored ]] || vendored=$(basename "$vendored")
mapfile -t wheels < <(ls "$work"/wheels/*.whl; corpus_wheels | grep -iE '/(PyYAML|MarkupSafe|click)-')

# 1. Stage != final, bytecode built, stripped, with a /usr/bin link.
stage=$work/stage
prefix=/opt/pydeb-it/app
"$DRIVER" --bytecode build --strip --link dbg-answer "$stage" "$prefix" "$PYTHON" "${wheels[@]}" >"$work/log" ||
    fail "install failed: $(cat "$work/log")"
root=$stage$prefix
if grep -rla -- "$stage" "$stage"; then fail "the stage path leaked into the files above"; fi
[[ $(readlink "$stage/usr/bin/dbg-answer") == "$prefix/bin/dbg-answer" ]] || fail "/usr/bin/dbg-answer link"
pass "no stage path in any file; /usr/bin/dbg-answer -> $prefix/bin/dbg-answer"

"$PYTHON" - "$root/$site" "$prefix/$site" <<'PY' || fail "bytecode check"
import marshal, os, sys
staged, final = sys.argv[1:]
count = 0
for directory, _, files in os.walk(staged):
    for name in files:
        if not name.endswith(".pyc"):
            continue
        data = open(os.path.join(directory, name), "rb").read()
        assert int.from_bytes(data[4:8], "little") == 3, f"{name}: not checked-hash"
        code = marshal.loads(data[16:])
        assert code.co_filename.startswith(final + "/"), code.co_filename
        count += 1
assert count > 20, count
print(f"ok: {count} .pyc files: checked-hash, co_filename under {final}")
PY
# The target interpreter accepts them as up to date (same magic, source hash matches).
"$PYTHON" -c "import importlib.util, sys; sys.exit(0 if importlib.util.MAGIC_NUMBER == open(sys.argv[1], 'rb').read(4) else 1)" \
    "$(find "$root/$site/yaml/__pycache__" -name '__init__*.pyc' | head -1)" || fail "pyc magic is not the target's"

for elf in $(find "$root" -type f -name '*.so*'); do
    ! readelf -S "$elf" | has '\.debug_' || fail "$elf still has debug sections"
    [[ -n $(nm -D --defined-only "$elf" 2>/dev/null) ]] || fail "$elf lost its dynamic symbols"
done
verify_records "$root/$site" || fail "RECORD does not match the stripped files"
pass "ELF objects stripped of debug sections only; RECORD updated"

# 2. The stripped extensions import and run (stage "/" so the venv is at its final path).
live=$work/live/app
"$DRIVER" --bytecode build --strip / "$live" "$PYTHON" "${wheels[@]}" >"$work/live.log" ||
    fail "live install failed: $(cat "$work/live.log")"
"$live/bin/python" -c '
import sys, zlib, dbgext, vendoredext, yaml, markupsafe
assert dbgext.answer() == 42 and vendoredext.answer() == 42
assert vendoredext.crc32(b"pydeb") == zlib.crc32(b"pydeb")
assert yaml.__with_libyaml__ and markupsafe._speedups
assert "/vendoredext.libs/" in open("/proc/self/maps").read()
' || fail "stripped extensions do not work"
[[ $("$live/bin/dbg-answer"; echo "rc=$?") == "rc=42" ]] || fail "console script dbg-answer did not exit 42"
pass "stripped extensions (and the vendored library) import and run; launcher works"

# A prefix with a space: launchers need the /bin/sh trampoline (as distlib's
# ScriptMaker._build_shebang writes for pip) and run.
spaced="$work/spaced dir/app"
"$DRIVER" --bytecode none / "$spaced" "$PYTHON" "$work/wheels/dbgext-1.0-cp311-cp311-linux_x86_64.whl" >/dev/null ||
    fail "install into a spaced prefix"
[[ $(head -1 "$spaced/bin/dbg-answer") == "#!/bin/sh" ]] || fail "no trampoline for a spaced prefix"
[[ $("$spaced/bin/dbg-answer"; echo "rc=$?") == "rc=42" ]] || fail "the trampoline launcher did not run"
pass "a prefix with a space gets the /bin/sh trampoline, which runs"

# 3. Links to unknown entry points are refused.
if "$DRIVER" --bytecode none --link no-such-tool "$work/stage3" "$prefix" "$PYTHON" "${wheels[0]}" 2>"$work/err"; then
    fail "--link no-such-tool was accepted"
fi
grep -q "no-such-tool" "$work/err" || fail "error does not name the entry point: $(cat "$work/err")"
pass "unknown /usr/bin link refused"

# 4. The project's own wheel, built offline by PEP 517 (the build_wheel hook of the host's backend;
#    setuptools' legacy backend for a project without pyproject.toml, as pip has it).
hello=$("$DRIVER" --build-project "$PYDEB_SOURCE_ROOT/examples/hello" "$work/built" "$PYTHON") ||
    fail "building examples/hello failed"
[[ -f $hello && $hello == *.whl ]] || fail "no wheel: $hello"
# The oracle: pip's own build of the same tree (a copy, as pydeb builds one), member for member
# with the same bytes; only the zip's timestamps of the files the build writes may differ.
cp -r "$PYDEB_SOURCE_ROOT/examples/hello" "$work/hello-pip"
PIP_CONFIG_FILE=/dev/null "$PYTHON" -m pip wheel -q --no-deps --no-build-isolation --no-index \
    --disable-pip-version-check -w "$work/pip-wheel" "$work/hello-pip" >"$work/pip.log" 2>&1 ||
    { cat "$work/pip.log"; fail "pip wheel of examples/hello"; }
mkdir "$work/ours" "$work/pips"
(cd "$work/ours" && unzip -q "$hello") || fail "unzip $hello"
(cd "$work/pips" && unzip -q "$work"/pip-wheel/*.whl) || fail "unzip pip's wheel"
[[ $(basename "$hello") == $(basename "$work"/pip-wheel/*.whl) ]] ||
    fail "wheel names differ: $(basename "$hello") against pip's $(basename "$work"/pip-wheel/*.whl)"
diff -r "$work/pips" "$work/ours" || fail "the project wheel's files differ from pip wheel's"
"$DRIVER" --bytecode none "$work/stage4" /opt/hello "$PYTHON" "$hello" >/dev/null || fail "installing $hello"
mkdir -p "$work/broken"
echo 'this is not python' >"$work/broken/setup.py"
if "$DRIVER" --build-project "$work/broken" "$work/built2" "$PYTHON" 2>"$work/err"; then
    fail "a broken project built"
fi
grep -q "NameError: name 'this' is not defined" "$work/err" &&
    grep -qF "its build backend setuptools.build_meta:__legacy__ exited 1 in build_wheel" "$work/err" ||
    fail "error lacks the backend's output: $(cat "$work/err")"
[[ -z $(ls -A "$work/built2/wheel") ]] || fail "a failed build left a wheel: $(ls -A "$work/built2/wheel")"
# A backend that is not installed: named with what [build-system] requires, before any build.
mkdir -p "$work/unbuilt"
printf '[build-system]\nrequires = ["no-such-backend>=1"]\nbuild-backend = "no_such_backend.api"\n' \
    >"$work/unbuilt/pyproject.toml"
if "$DRIVER" --build-project "$work/unbuilt" "$work/built3" "$PYTHON" 2>"$work/err"; then
    fail "a project whose backend is not installed built"
fi
has -F "its build backend no_such_backend.api cannot be imported by $PYTHON (ModuleNotFoundError: No module named 'no_such_backend')" "$work/err" &&
    has -F "what its [build-system] requires (no-such-backend>=1) must be installed" "$work/err" ||
    fail "the error does not say what to install: $(cat "$work/err")"
pass "project wheel built by the PEP 517 hook; a failure names the backend and shows its output, a missing backend what to install"

# 5. Interpreter facts are cached, keyed by the interpreter's path, mtime and size.
mkdir -p "$work/py"
cp /usr/bin/python3.11 "$work/py/python3"
export XDG_CACHE_HOME=$work/cache
[[ $("$DRIVER" --facts "$work/py/python3") == *$'\n''abi_tag=cp311'$'\n'* ]] || fail "facts of a copied interpreter"
cached=$(ls "$XDG_CACHE_HOME"/pydeb/interpreters/*)
[[ $(wc -l <<<"$cached") -eq 1 ]] || fail "expected one cache file: $cached"
sed -i 's/^abi_tag=cp311$/abi_tag=cp399/' "$cached"
[[ $("$DRIVER" --facts "$work/py/python3") == *$'\n''abi_tag=cp399'$'\n'* ]] || fail "the cache was not used"
touch -d '2001-01-01' "$work/py/python3"
[[ $("$DRIVER" --facts "$work/py/python3") == *$'\n''abi_tag=cp311'$'\n'* ]] || fail "a changed interpreter was not queried again"
pass "interpreter facts cached under \$XDG_CACHE_HOME/pydeb, invalidated when the interpreter changes"
