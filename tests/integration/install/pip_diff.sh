#!/bin/bash
# Differential test against pip (PEP 427 installation): the same wheels installed by pip
# into a CPython venv and by pydeb into a native venv give the same file tree, the same bytes for
# every file pip does not rewrite, launchers pointing at the venv's python, and the same modules
# importable. Then a stage != final build must not mention the stage anywhere, and pip must be
# able to uninstall what pydeb installed.
DRIVER=$1
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$(dirname "$0")/lib.sh"
make_scratch

mapfile -t wheels < <(corpus_wheels)
# Plus one wheel using every .data scheme (PEP 427: purelib, platlib,
# headers, scripts, data) and a "#!python" script.
mkdir -p "$work/extra"
"$PYTHON" - "$work/extra" <<'PY'
import base64, hashlib, os, sys, zipfile
files = {
    "datademo/__init__.py": b"VALUE = 1\ndef main():\n    return 0\n",
    "DataDemo-1.0.data/purelib/datademo_extra.py": b"EXTRA = 2\n",
    "DataDemo-1.0.data/headers/datademo.h": b"#define DATADEMO 1\n",
    "DataDemo-1.0.data/data/share/datademo/x.txt": b"c\n",
    "DataDemo-1.0.data/scripts/datademo-script": b"#!python -u\nimport datademo\nprint(datademo.VALUE)\n",
    "DataDemo-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: DataDemo\nVersion: 1.0\n",
    "DataDemo-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    "DataDemo-1.0.dist-info/entry_points.txt": b"[console_scripts]\ndatademo = datademo:main\n",
}
rec = "".join("%s,sha256=%s,%d\n" % (n, base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode(), len(d)) for n, d in files.items())
files["DataDemo-1.0.dist-info/RECORD"] = (rec + "DataDemo-1.0.dist-info/RECORD,,\n").encode()
with zipfile.ZipFile(os.path.join(sys.argv[1], "DataDemo-1.0-py3-none-any.whl"), "w") as z:
    for n, d in files.items():
        z.writestr(n, d)
PY
wheels+=("$work/extra/DataDemo-1.0-py3-none-any.whl")
[[ ${#wheels[@]} -ge 3 ]] || fail "need wheels to compare, got ${#wheels[@]}"

# 1. Final path == stage path (stage root "/"), so both venvs can run in place.
ours=$work/ours/venv
theirs=$work/pip/venv
"$DRIVER" --bytecode none / "$ours" "$PYTHON" "${wheels[@]}" >"$work/ours.log" ||
    fail "install-driver failed: $(cat "$work/ours.log")"
pip_venv "$theirs" "${wheels[@]}"

diff <(tree_listing "$theirs") <(tree_listing "$ours") >"$work/tree.diff" ||
    fail "file trees differ (pip < > pydeb):
$(head -40 "$work/tree.diff")"
pass "same file tree as pip for ${#wheels[@]} wheels ($(tree_listing "$ours" | wc -l) files)"

# Same bytes, except files pip rewrites (scripts, launchers) and the configuration naming the path.
site=lib/python3.11/site-packages
(cd "$theirs" && tree_listing . | grep -vE '^bin/|^pyvenv\.cfg$' | while read -r f; do
    [[ -L $f ]] && continue
    cmp -s "$f" "$ours/$f" || echo "$f"
done) >"$work/content.diff"
[[ ! -s $work/content.diff ]] || fail "content differs from pip: $(head "$work/content.diff")"
pass "identical bytes for every non-script file"

# The activate scripts are CPython's own templates, rendered as its venv module renders them.
for script in activate activate.csh activate.fish Activate.ps1; do
    diff <(sed "s|$theirs|PREFIX|g" "$theirs/bin/$script") <(sed "s|$ours|PREFIX|g" "$ours/bin/$script") ||
        fail "bin/$script differs from CPython's venv"
done
diff <(grep -v '^command' "$theirs/pyvenv.cfg") <(grep -v '^command' "$ours/pyvenv.cfg") || fail "pyvenv.cfg differs"
pass "activate scripts and pyvenv.cfg identical to CPython's venv (paths aside)"

# Modes: pip honours the zip's executable bits and the umask; pydeb sets 0644/0755 explicitly.
(cd "$theirs" && find "$site" -type f -perm -u+x -printf '%P\n' | awk '!/__pycache__/' | sort) >"$work/x.pip"
(cd "$ours" && find "$site" -type f -perm -u+x -printf '%P\n' | awk '!/__pycache__/' | sort) >"$work/x.ours"
diff "$work/x.pip" "$work/x.ours" || fail "executable bits differ from pip"
[[ -z $(find "$ours" -type f ! -perm 0644 ! -perm 0755) ]] || fail "a file is neither 0644 nor 0755"
pass "executable bits match pip; all files 0644 or 0755"

# Launchers and scripts: same set; ours run the venv's python at its final path.
for launcher in "$ours"/bin/*; do
    [[ -L $launcher || $launcher == */activate* || $launcher == */Activate.ps1 ]] && continue
    first=$(head -1 "$launcher")
    [[ $first == "#!$ours/bin/python" || $first == "#!/bin/sh" ]] ||
        fail "$(basename "$launcher"): shebang is '$first'"
done
for tool in $(cd "$theirs/bin" && ls | grep -vE '^(python|activate|Activate)'); do
    "$ours/bin/$tool" --help >/dev/null 2>&1 || "$ours/bin/$tool" --version >/dev/null 2>&1 ||
        fail "launcher $tool does not run"
done
[[ $("$ours/bin/datademo-script") == 1 ]] || fail "the #!python script does not run"
[[ -f $ours/include/site/python3.11/DataDemo/datademo.h && -f $ours/share/datademo/x.txt ]] ||
    fail ".data headers/data not where pip puts them"
pass "launchers point at $ours/bin/python and run; .data scripts, headers and data in place"

# RECORD: every listed file exists with the listed hash; nothing outside the venv.
"$ours/bin/python" - "$ours/$site" <<'PY' || fail "RECORD check"
import base64, csv, hashlib, os, sys
site = sys.argv[1]
for info in [d for d in os.listdir(site) if d.endswith(".dist-info")]:
    with open(os.path.join(site, info, "RECORD"), newline="") as f:
        for path, digest, size in csv.reader(f):
            full = os.path.normpath(os.path.join(site, path))
            assert full.startswith(os.path.dirname(os.path.dirname(os.path.dirname(site)))), path
            if path == info + "/RECORD":
                assert not digest and not size
                continue
            data = open(full, "rb").read()
            algo, _, want = digest.partition("=")
            got = base64.urlsafe_b64encode(hashlib.new(algo, data).digest()).rstrip(b"=").decode()
            assert got == want and int(size) == len(data), f"{info}: {path}"
        assert open(os.path.join(site, info, "INSTALLER")).read() == "pydeb\n"
        assert not os.path.exists(os.path.join(site, info, "direct_url.json"))
PY
pass "RECORD hashes and sizes match the installed bytes; INSTALLER = pydeb"

# Import every top-level module in both venvs: the same ones must work.
import_all() {
    local venv=$1
    for module in $(top_level_modules "$ours/$site"); do
        if "$venv/bin/python" -c "import $module" >/dev/null 2>&1; then echo "ok $module"; else echo "FAIL $module"; fi
    done
}
diff <(import_all "$theirs") <(import_all "$ours") || fail "imports differ from pip's venv"
[[ $(import_all "$ours" | grep -c '^ok') -ge 3 ]] || fail "too few modules import"
pass "$(import_all "$ours" | grep -c '^ok') top-level modules import as in pip's venv"

# 2. Stage != final: nothing under the stage names the stage (shebangs, RECORD, pyc, pyvenv.cfg).
stage=$work/stage
prefix=/opt/pydeb-it/venv
"$DRIVER" --bytecode build "$stage" "$prefix" "$PYTHON" "${wheels[@]}" >"$work/staged.log" ||
    fail "staged install failed: $(cat "$work/staged.log")"
if grep -rla -- "$stage" "$stage"; then fail "the stage path leaked into the files above"; fi
diff <(tree_listing "$ours") <(tree_listing "$stage$prefix") || fail "staged tree differs"
pass "staged install at $prefix does not mention $stage; same tree"

# 3. pip can uninstall what pydeb installed (RECORD is complete: the
# Recording installed projects spec, PEP 376).
names=$(grep '^installed ' "$work/ours.log" | awk '{print $2}' | sort -u)
"$PYTHON" -m pip --python "$ours/bin/python" uninstall --yes --quiet --disable-pip-version-check $names >&2 ||
    fail "pip uninstall failed"
left=$(cd "$ours/$site" && find . -type f | awk '!/__pycache__/')
[[ -z $left ]] || fail "pip uninstall left files: $(head <<<"$left")"
[[ -z $(ls "$ours/bin" | grep -vE '^(python|python3|python3\.11|activate|activate\.csh|activate\.fish|Activate\.ps1)$') ]] ||
    fail "pip uninstall left launchers: $(ls "$ours/bin")"
pass "pip uninstalls every distribution completely"
