#!/bin/bash
# Differential: the .pyc files of pydeb's byte-compiler (src/install/compile_driver.py.inc) are
# byte-identical to those of
#   python3 -m compileall -q -f --invalidation-mode checked-hash -s STAGE -p / SITE-PACKAGES
# for the wheel corpus, for a file that does not compile (left as source, one warning naming it),
# and for a probe module aimed at marshal's one process-dependent choice: whether a frozenset
# constant shared by two functions is written as shared (FLAG_REF) depends on which of its strings
# the compiling process had interned before, i.e. on the modules it loaded and the names of its
# own code. The probe has one such frozenset per identifier of the driver and per module name
# compileall's process does not intern, plus canaries that only compileall's modules intern; a
# bare py_compile run must differ on those, so the check can fail.
# Compiled three ways: straight into the stage, into a cold wheel cache, and served from it warm.
DRIVER=$1
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$(dirname "$0")/lib.sh"
make_scratch
prefix=/opt/pydeb-it/bc
site=lib/python3.11/site-packages

mapfile -t wheels < <(corpus_wheels)
mkdir -p "$work/extra"
"$PYTHON" - "$work/extra" "$PYDEB_SOURCE_ROOT/src/install/compile_driver.py.inc" <<'PY'
import base64, hashlib, os, sys, zipfile
out, driver = sys.argv[1:]
source = open(driver).read()
source = source[source.index('R"PY(') + 5:source.rindex(')PY"')]
names = set()
def walk(code):
    names.update(code.co_names + code.co_varnames + (code.co_name,))
    for const in code.co_consts:
        if isinstance(const, str):
            names.add(const)
        elif hasattr(const, "co_code"):
            walk(const)
walk(compile(source, "<driver>", "exec"))
# compileall and runpy: loaded by `python -m compileall` without interning their names.
# https, wss (the canaries): interned by urllib.parse, which compileall loads through pathlib.
names = sorted(n for n in names if n.isidentifier()) + ["compileall", "runpy", "https", "wss"]
probe = "".join(f'def a_{i}(x):\n    y = "{n}"\n    return x in {{"{n}", "b c"}}\n'
                f'def c_{i}(x):\n    return x in {{"{n}", "b c"}}\n' for i, n in enumerate(names))
open(os.path.join(out, "names.txt"), "w").write("\n".join(names) + "\n")
open(os.path.join(out, "canary.py"), "w").write(probe[probe.index("def a_%d(" % (len(names) - 2)):])
files = {"pydebprobe/__init__.py": probe.encode(),
         "pydebprobe/py2only.py": b"print 'this is Python 2'\n",
         "pydebprobe-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: pydebprobe\nVersion: 1.0\n",
         "pydebprobe-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
record = "".join("%s,sha256=%s,%d\n" % (n, base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode(), len(d)) for n, d in files.items())
files["pydebprobe-1.0.dist-info/RECORD"] = (record + "pydebprobe-1.0.dist-info/RECORD,,\n").encode()
with zipfile.ZipFile(os.path.join(out, "pydebprobe-1.0-py3-none-any.whl"), "w") as z:
    for n, d in files.items():
        z.writestr(n, d)
PY
wheels+=("$work/extra/pydebprobe-1.0-py3-none-any.whl")
[[ $(wc -l <"$work/extra/names.txt") -ge 20 ]] || fail "too few driver identifiers: $(cat "$work/extra/names.txt")"

# The canaries tell a process that loaded compileall's modules from one that did not.
bare() { "$PYTHON" -I -c 'import py_compile, sys
py_compile.compile(sys.argv[1], sys.argv[2], "/canary.py", True, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)' "$@"; }
bare "$work/extra/canary.py" "$work/canary-bare.pyc"
mkdir -p "$work/canary" && cp "$work/extra/canary.py" "$work/canary/"
"$PYTHON" -m compileall -q -f --invalidation-mode checked-hash -s "$work/canary" -p / "$work/canary" >/dev/null
! cmp -s "$work/canary-bare.pyc" "$work/canary/__pycache__/canary.cpython-311.pyc" ||
    fail "the probe cannot tell compileall's process from a bare one: the differential would prove nothing"
pass "the probe is sensitive: a bare py_compile process writes other bytes than compileall"

# Reference: the files as installed, compiled by compileall (exit 1: py2only.py does not compile).
"$DRIVER" --bytecode none "$work/ref" "$prefix" "$PYTHON" "${wheels[@]}" >/dev/null ||
    fail "installing without bytecode"
set +e
"$PYTHON" -m compileall -q -f --invalidation-mode checked-hash -s "$work/ref" -p / "$work/ref$prefix/$site" >"$work/compileall.log" 2>&1
status=$?
set -e
[[ $status -eq 1 ]] && has py2only.py "$work/compileall.log" ||
    fail "compileall should fail on py2only.py only (exit $status): $(cat "$work/compileall.log")"

pycs() { (cd "$1" && find . -name '*.pyc' -printf '%P\n' | LC_ALL=C sort); }
same_bytecode() { # STAGE LABEL
    diff <(pycs "$work/ref") <(pycs "$1") >"$work/list.diff" ||
        fail "$2: other .pyc files than compileall's: $(head "$work/list.diff")"
    (cd "$work/ref" && pycs . | while read -r f; do cmp -s "$f" "$1/$f" || echo "$f"; done) >"$work/bytes.diff"
    [[ ! -s $work/bytes.diff ]] || fail "$2: .pyc bytes differ from compileall's: $(head "$work/bytes.diff")"
    local modes
    modes=$(cd "$1" && find . -name '*.pyc' ! -perm 0644 -printf '%m %P\n')
    [[ -z $modes ]] || fail "$2: .pyc files not 0644: $(head -3 <<<"$modes")"
    pass "$2: $(pycs "$1" | wc -l) .pyc files byte-identical to compileall's, probe included"
}
warned_once() { # LOG LABEL
    [[ $(grep -c 'could not be byte-compiled' "$1") -eq 1 ]] &&
        has -x "warning: $prefix/$site/pydebprobe/py2only.py could not be byte-compiled (it is left as source only):" "$1" &&
        has "^SyntaxError: Missing parentheses in call to 'print'" "$1" ||
        fail "$2: expected one warning naming py2only.py at its final path and compile's error: $(cat "$1")"
    [[ ! -e $work/$3$prefix/$site/pydebprobe/__pycache__/py2only.cpython-311.pyc ]] || fail "$2: py2only.py has a .pyc"
}

"$DRIVER" --bytecode build "$work/direct" "$prefix" "$PYTHON" "${wheels[@]}" >"$work/direct.log" ||
    fail "direct install: $(cat "$work/direct.log")"
same_bytecode "$work/direct" "straight into the stage"
warned_once "$work/direct.log" "straight into the stage" direct

for run in cold warm; do
    "$DRIVER" --bytecode build --cache "$work/cache" "$work/$run" "$prefix" "$PYTHON" "${wheels[@]}" >"$work/$run.log" ||
        fail "$run cached install: $(cat "$work/$run.log")"
    same_bytecode "$work/$run" "wheel cache, $run"
    warned_once "$work/$run.log" "wheel cache, $run" "$run"
    diff <(grep -v '^installed' "$work/direct.log") <(grep -v '^installed' "$work/$run.log") ||
        fail "$run: other warnings than the direct install"
done
# Warm: every .pyc is a link to the cache's copy (nothing was compiled), and no entry was added.
probe_pyc=$prefix/$site/pydebprobe/__pycache__/__init__.cpython-311.pyc
[[ $(stat -c %h "$work/warm$probe_pyc") -ge 2 ]] || fail "the warm .pyc is not a link into the cache"
cmp -s "$work/warm$probe_pyc" "$(find "$work/cache" -path "*/pydebprobe/__pycache__/__init__.cpython-311.pyc")" ||
    fail "the warm .pyc is not the cache's"
[[ $(find "$work/cache" -mindepth 1 -maxdepth 1 ! -name '.lock-*' | wc -l) -eq ${#wheels[@]} ]] ||
    fail "expected one cache entry per wheel: $(ls -a "$work/cache")"
pass "warm: the .pyc files come from the cache (one entry per wheel, none added)"
