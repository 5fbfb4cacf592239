#!/bin/bash
# Signed packages (`pydeb build --sign KEY`, the spec's sign.key), checked by the tools that
# verify them: rpmkeys --checksig with the public key in a private rpm database, debsig-verify
# with a policy for the key in private policy and keyring directories. A copy with one byte
# changed must be refused by both; the signed packages must hold the unsigned ones unchanged
# (the .deb as its first three members, the .rpm's main header and payload); a key that is
# missing, ambiguous or locked by a passphrase must fail the build and leave nothing behind.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
need gpg gpg
need rpmkeys rpm
need rpmsign rpm
need debsig-verify debsig-verify
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >/dev/null
work=$(scratch)
cd "$work"
export SOURCE_DATE_EPOCH=1700000000 XDG_CACHE_HOME=$work/cache GNUPGHOME=$work/gnupg
mkdir -m 700 gnupg
trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$PYDEB_TEST_TMP"' EXIT

# Throwaway keys: one without a passphrase, one with.
gpg --batch --quiet --passphrase '' --quick-gen-key 'pydeb signer <signer@example.com>' ed25519 sign never
gpg --batch --quiet --pinentry-mode loopback --passphrase 'secret' \
    --quick-gen-key 'pydeb locked <locked@example.com>' ed25519 sign never
gpgconf --kill gpg-agent # forget the passphrase the key was made with
fpr=$(gpg --list-secret-keys --with-colons signer@example.com | awk -F: '/^fpr/ { print $10; exit }')
keyid=${fpr: -16}

mkdir wheels app
cp "$PYDEB_CACHE"/wheels/click-8.1.3-*.whl wheels/
spec() { # [EXTRA LINE]
    printf '%s\n' 'name: signdemo' 'version: "1.0"' 'summary: signing test' \
        'description: The application of the signing test.' 'maintainer: Jane Doe <jane@example.com>' \
        'license: MIT' 'python: {interpreter: /usr/bin/python3}' 'install:' \
        '  requirements: ["click"]' "  wheelhouse: [\"$work/wheels\"]" ${1:+"$1"} >app/pydeb.yaml
}
spec
deb=signdemo_1.0-1_amd64.deb
rpm=signdemo-1.0-1.x86_64.rpm
"$PYDEB" -q build app/pydeb.yaml -o unsigned >/dev/null
"$PYDEB" -q build app/pydeb.yaml -o signed --sign "$fpr" >/dev/null
pass "built unsigned and signed"

# rpm: the public key in a private database; the header signature verifies.
gpg --armor --export "$fpr" >signer.asc
rpmkeys --dbpath "$work/rpmdb" --import signer.asc
rpmkeys --dbpath "$work/rpmdb" --checksig -v "signed/$rpm" >checksig.txt ||
    fail "rpmkeys --checksig refuses the signed rpm: $(cat checksig.txt)"
grep -qi "Header V4 EdDSA/SHA256 Signature, key ID ${keyid: -8}: OK" checksig.txt ||
    fail "no header signature by the key: $(cat checksig.txt)"
if rpmkeys --dbpath "$work/rpmdb" --checksig -v "unsigned/$rpm" | grep -q Signature; then
    fail "the unsigned rpm has a signature"
fi
pass "rpmkeys --checksig: signature OK"

# debsig-verify: a policy naming the key's long ID, the key in a keyring beside it.
mkdir -p "policies/$keyid" "keyrings/$keyid"
gpg --export "$fpr" >"keyrings/$keyid/signer.gpg"
cat >"policies/$keyid/signer.pol" <<POL
<?xml version="1.0"?>
<!DOCTYPE Policy SYSTEM "https://www.debian.org/debsig/1.0/policy.dtd">
<Policy xmlns="https://www.debian.org/debsig/1.0/">
  <Origin Name="pydeb-test" id="$keyid" Description="pydeb test signer"/>
  <Selection><Required Type="origin" File="signer.gpg" id="$keyid"/></Selection>
  <Verification><Required Type="origin" File="signer.gpg" id="$keyid"/></Verification>
</Policy>
POL
debsig() { debsig-verify --policies-dir "$work/policies" --keyrings-dir "$work/keyrings" "$@"; }
debsig "signed/$deb" >debsig.txt 2>&1 || fail "debsig-verify refuses the signed deb: $(cat debsig.txt)"
grep -q "Verified package from 'pydeb test signer'" debsig.txt || fail "debsig-verify: $(cat debsig.txt)"
if debsig "unsigned/$deb" >/dev/null 2>&1; then fail "debsig-verify accepts the unsigned deb"; fi
[ "$(ar t "signed/$deb" | tr '\n' ' ')" = "debian-binary control.tar.zst data.tar.zst _gpgorigin " ] ||
    fail "members: $(ar t "signed/$deb")"
[ "$(ar p "signed/$deb" _gpgorigin | sed -n 1p)" = '-----BEGIN PGP SIGNATURE-----' ] ||
    fail "_gpgorigin is not an ASCII-armoured signature"
pass "debsig-verify: origin signature OK"

# offset FILE: where the named ar member's data starts / where the rpm's main header starts.
deb_member_offset() { # FILE MEMBER
    python3 - "$1" "$2" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
pos = 8
while pos < len(data):
    name, size = data[pos:pos + 16].decode().strip(), int(data[pos + 48:pos + 58])
    if name == sys.argv[2]:
        print(pos + 60)
        break
    pos += 60 + size + size % 2
PY
}
rpm_header_offset() { # FILE
    python3 - "$1" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
count, size = struct.unpack('>II', data[96 + 8:96 + 16])
end = 96 + 16 + 16 * count + size
print(end + (-end) % 8)
PY
}
flip_byte() { # FILE OFFSET: a copy of FILE (FILE.tampered) with the byte at OFFSET inverted
    cp "$1" "$1.tampered"
    python3 - "$1.tampered" "$2" <<'PY'
import sys
with open(sys.argv[1], 'r+b') as f:
    f.seek(int(sys.argv[2])); b = f.read(1); f.seek(int(sys.argv[2])); f.write(bytes([b[0] ^ 0xff]))
PY
}

flip_byte "signed/$deb" $(($(deb_member_offset "signed/$deb" data.tar.zst) + 100))
if debsig "signed/$deb.tampered" >debsig.txt 2>&1; then fail "debsig-verify accepts a changed data.tar"; fi
header=$(rpm_header_offset "signed/$rpm")
flip_byte "signed/$rpm" $(($(stat -c %s "signed/$rpm") - 100))
if rpmkeys --dbpath "$work/rpmdb" --checksig "signed/$rpm.tampered" >checksig.txt 2>&1; then
    fail "rpmkeys accepts a changed payload: $(cat checksig.txt)"
fi
grep -q 'NOT OK' checksig.txt || fail "rpmkeys on a changed payload: $(cat checksig.txt)"
pass "one changed byte: refused by debsig-verify and rpmkeys"

# The unsigned parts keep every byte: the signed .deb is the unsigned one with _gpgorigin
# appended; the signed .rpm has the unsigned one's main header and payload.
unsigned_size=$(stat -c %s "unsigned/$deb")
cmp -n "$unsigned_size" "unsigned/$deb" "signed/$deb" || fail "the signed deb's first members differ"
[ "$(deb_member_offset "signed/$deb" _gpgorigin)" = $((unsigned_size + 60)) ] ||
    fail "_gpgorigin does not follow the unsigned package's members"
unsigned_header=$(rpm_header_offset "unsigned/$rpm")
cmp <(tail -c +$((unsigned_header + 1)) "unsigned/$rpm") <(tail -c +$((header + 1)) "signed/$rpm") ||
    fail "the signed rpm's main header or payload differ"
digests() { rpm -qp --nosignature --qf '%{SHA256HEADER} %{PAYLOADDIGEST}\n' "$1"; }
[ "$(digests "unsigned/$rpm")" = "$(digests "signed/$rpm")" ] || fail "header/payload digests differ"
pass "the unsigned parts are bit-identical"

# The spec's sign.key signs as --sign does.
spec "sign: {key: $fpr}"
"$PYDEB" -q build app/pydeb.yaml -o from-spec --format deb >/dev/null
debsig "from-spec/$deb" >/dev/null || fail "the spec's sign.key: debsig-verify refuses"
pass "sign.key in the spec"

spec 'sign: {key: "-----BEGIN PGP PRIVATE KEY BLOCK-----"}'
status=0
"$PYDEB" validate app/pydeb.yaml 2>err.txt || status=$?
[ "$status" = 1 ] || fail "key material in the spec must exit 1, got $status"
grep -q "app/pydeb.yaml:11:13: 'sign.key' names a key in the GnuPG home" err.txt ||
    fail "key material message: $(cat err.txt)"
pass "key material in the spec refused, located"

# Bad keys: exit 1, a message naming the key and what to do, no package (nor temporary) left.
spec
bad_key() { # KEY EXPECTED-MESSAGE
    local status=0
    rm -rf bad && mkdir bad
    "$PYDEB" build app/pydeb.yaml -o bad --sign "$1" >out.txt 2>err.txt || status=$?
    [ "$status" = 1 ] || fail "--sign $1 must exit 1, got $status"
    grep -qF -- "$2" err.txt || fail "--sign $1: $(cat err.txt)"
    [ -z "$(ls -A bad)" ] || fail "--sign $1 left $(ls -A bad)"
    [ ! -s out.txt ] || fail "--sign $1 printed a package: $(cat out.txt)"
}
bad_key nobody@example.com "--sign nobody@example.com: no secret key matches 'nobody@example.com' in the GnuPG home $GNUPGHOME"
bad_key locked@example.com "needs its passphrase, and signing never prompts"
bad_key example.com "matches 2 secret keys: give the fingerprint of one"
pass "missing, locked and ambiguous keys: exit 1, nothing written"
