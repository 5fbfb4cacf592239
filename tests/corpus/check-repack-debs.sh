#!/bin/bash
# Differential check of repack_debs.py on the Debian packages the large app (make-large-wheelhouse.sh)
# needs beyond the corpus, against the real pip: python3-cffi-backend (metadata-less, arch-specific
# half of cffi), python3-pycparser (a PKG-INFO file as its egg-info; Depends on python3-ply only
# through virtual packages), python3-cryptography (a dist-info and a stale egg-info; limited-API
# extensions; Depends on cffi only through python3-cffi-backend-api-*) and python3-bcrypt (abi3).
# The wheels get the right names and tags and correct RECORDs, Debian's pip installs cryptography
# and bcrypt from them alone (so cffi, pycparser and ply come through Requires-Dist), their
# extensions load, `pip check` is clean; a half with nothing to join is refused.
#
#   tests/corpus/check-repack-debs.sh    (needs apt-get download to work once; python3-venv, libssl3, libffi8)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../cache-dir.sh"
debs=$PYDEB_CACHE/debs
python=/usr/bin/python3

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

packages=(python3-cffi python3-cffi-backend python3-pycparser python3-ply python3-cryptography python3-bcrypt)
mkdir -p "$debs"
cached_deb() { find "$debs" -maxdepth 1 -name "${1}_*.deb" | sort -V | tail -n1; }
missing=()
for p in "${packages[@]}"; do [[ -n $(cached_deb "$p") ]] || missing+=("$p"); done
if ((${#missing[@]})); then
    (cd "$debs" && apt-get download -q "${missing[@]}" >/dev/null) || fail "apt-get download ${missing[*]}"
fi
files=()
for p in "${packages[@]}"; do files+=("$(cached_deb "$p")"); done

work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-repack-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$python" "$here/repack_debs.py" "$work/wheels" "${files[@]}" >"$work/made" 2>"$work/log" ||
    { cat "$work/log" >&2; fail "repack_debs.py failed"; }
cp=cp$("$python" -c 'import sys; print(f"{sys.version_info.major}{sys.version_info.minor}")')
for wheel in "cffi-1.15.1-$cp-$cp-linux_x86_64.whl" "pycparser-2.21-py3-none-any.whl" \
    "cryptography-38.0.4-$cp-abi3-linux_x86_64.whl" "bcrypt-3.2.2-$cp-abi3-linux_x86_64.whl"; do
    grep -qx "$wheel" "$work/made" || fail "$wheel not made; made: $(tr '\n' ' ' <"$work/made")"
done
[[ $(wc -l <"$work/made") == 5 ]] || fail "expected 5 wheels (cffi-backend joined to cffi), made: $(tr '\n' ' ' <"$work/made")"
pass "wheel names and tags: cffi with its backend is $cp-$cp, cryptography and bcrypt $cp-abi3, pycparser pure"

members() { "$python" -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
grep -q "^_cffi_backend\.cpython-.*\.so$" <<<"$(members "$work/wheels/cffi-1.15.1-$cp-$cp-linux_x86_64.whl")" ||
    fail "cffi's wheel lacks _cffi_backend from python3-cffi-backend"
! grep -q 'egg-info' <<<"$(members "$work/wheels/cryptography-38.0.4-$cp-abi3-linux_x86_64.whl")" ||
    fail "cryptography's stale egg-info went into the wheel"
"$python" "$here/verify_record.py" "$work/wheels"/*.whl || fail "a repacked wheel has a bad RECORD"
pass "the joined half is in cffi's wheel, the stale egg-info is not in cryptography's; RECORDs match"

"$python" -m venv "$work/venv"
py=$work/venv/bin/python
"$py" -m pip install -q --disable-pip-version-check --no-index --find-links "$work/wheels" cryptography bcrypt ||
    fail "pip could not install cryptography and bcrypt from the repacked wheels"
"$py" - <<'EOF' || fail "imports in the venv"
import sys, _cffi_backend, bcrypt, pycparser, pycparser.c_parser
from cryptography.hazmat.bindings import _rust, _openssl
from cryptography.fernet import Fernet
for mod in (_cffi_backend, bcrypt, pycparser, _rust):
    assert mod.__file__.startswith(sys.prefix), f'{mod.__name__} imported from {mod.__file__}, not the venv'
f = Fernet(Fernet.generate_key())
assert f.decrypt(f.encrypt(b'x')) == b'x'
assert bcrypt.checkpw(b'pw', bcrypt.hashpw(b'pw', bcrypt.gensalt(4)))
EOF
"$py" -m pip check --disable-pip-version-check >/dev/null || fail "pip check found broken requirements"
pass "pip installed cryptography (-> cffi -> pycparser -> ply) and bcrypt; extensions load; pip check clean"

if "$python" "$here/repack_debs.py" "$work/alone" "$(cached_deb python3-cffi-backend)" >/dev/null 2>"$work/err"; then
    fail "repack_debs.py made a wheel of python3-cffi-backend alone"
fi
grep -q 'no package of the same name prefix' "$work/err" || fail "unclear refusal: $(cat "$work/err")"
pass "a metadata-less package with nothing to join is refused: $(cat "$work/err")"
