#!/bin/bash
# The hostile wheels are hostile in the way their names say, checked against independent tools: the real
# pip (which refuses some and accepts others), a RECORD verifier and the ZIP headers. The installer's own
# tests then check that pydeb refuses or warns as cases.txt says.
#
#   tests/corpus/check-hostile-wheels.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-hostile-check-XXXXXX")
trap 'rm -rf "$work" /tmp/pydeb-hostile-absolute' EXIT
out=$work/wheels
"$here/make-hostile-wheels.sh" "$out"

declare -A expect word
while IFS=$'\t' read -r file e w; do
    [[ -f $out/$file ]] || fail "cases.txt names $file, which was not written"
    [[ $e =~ ^expect=(refuse|warn|ok)$ && -n $w ]] || fail "bad cases.txt line for $file"
    case=${file%%-*}
    expect[$case]=${e#expect=}
    word[$case]=$w
done <"$out/cases.txt"
[[ ${#expect[@]} -eq 19 ]] || fail "expected 19 cases, cases.txt has ${#expect[@]}"
[[ $(ls "$out"/*.whl | wc -l) -eq 19 ]] || fail "a wheel is not in cases.txt"
pass "19 wheels, cases.txt well-formed"

# 1. Cases the RECORD verifier must flag, naming WORD.
record_cases=(record_hash_mismatch record_size_mismatch unlisted_file record_md5 missing_record duplicate_member
    name_mismatch two_dist_info)
for c in "${record_cases[@]}"; do
    if msg=$(/usr/bin/python3 "$here/verify_record.py" "$out/$c-1.0-py3-none-any.whl" 2>&1); then
        fail "$c: RECORD verifier found nothing wrong"
    fi
    grep -qF -- "${word[$c]}" <<<"$msg" || fail "$c: verifier message does not name ${word[$c]}: $msg"
done
for c in valid_control wheel_version_1_9 pycache_member zip_slip entry_point_traversal; do
    /usr/bin/python3 "$here/verify_record.py" "$out/$c-1.0-py3-none-any.whl" || fail "$c: RECORD should be valid"
done
pass "RECORD verifier flags exactly the RECORD/dist-info cases"

# 2. ZIP-level properties pip does not look at.
/usr/bin/python3 - "$out" <<'EOF' || fail "ZIP-level properties"
import stat, sys, zipfile
out = sys.argv[1]
def names(case):
    return zipfile.ZipFile(f'{out}/{case}-1.0-py3-none-any.whl').infolist()
link = [i for i in names('symlink_out') if i.filename == 'symlink_out/passwd'][0]
assert stat.S_ISLNK(link.external_attr >> 16), 'symlink_out/passwd is not S_IFLNK'
assert '\\' in ''.join(i.filename for i in names('backslash_name'))
dups = [i.filename for i in names('duplicate_member') if i.filename == 'duplicate_member/data.txt']
assert len(dups) == 2
assert any('/__pycache__/' in i.filename for i in names('pycache_member'))
EOF
pass "symlink external_attr, backslash name, duplicate member, __pycache__ member present"

# 3. Differential against the real pip: what it refuses must name WORD; the valid control installs.
/usr/bin/python3 -m venv "$work/venv"
pip() { "$work/venv/bin/python" -m pip --disable-pip-version-check "$@"; }
pip_refuses=(zip_slip absolute_path missing_record wheel_version_2_0 name_mismatch two_dist_info
    unknown_data_scheme entry_point_no_attr)
for c in "${pip_refuses[@]}"; do
    [[ ${expect[$c]} == refuse ]] || fail "$c: pip refuses it but cases.txt says ${expect[$c]}"
    if msg=$(pip install --no-deps --no-index --no-compile "$out/$c-1.0-py3-none-any.whl" 2>&1); then
        fail "$c: pip installed it"
    fi
    grep -qF -- "${word[$c]}" <<<"$msg" || fail "$c: pip's error does not name ${word[$c]}: $msg"
done
[[ ! -e /tmp/pydeb-hostile-absolute ]] || fail "absolute_path wrote /tmp/pydeb-hostile-absolute"
msg=$(pip install --no-deps --no-index --no-compile "$out/wheel_version_1_9-1.0-py3-none-any.whl" 2>&1) ||
    fail "pip refused wheel_version_1_9: $msg"
grep -q 'Wheel-Version (1.9)' <<<"$msg" || fail "pip did not warn about Wheel-Version 1.9: $msg"
pip install -q --no-deps --no-index --no-compile "$out/valid_control-1.0-py3-none-any.whl" ||
    fail "pip refused valid_control"
"$work/venv/bin/python" -c 'import valid_control' || fail "valid_control does not import"
pass "pip refuses ${#pip_refuses[@]} cases naming the culprit, warns on Wheel-Version 1.9, installs the control"
