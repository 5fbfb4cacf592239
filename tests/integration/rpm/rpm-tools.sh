#!/bin/bash
# rpm and rpmlint read what package::rpm writes: fields, file list, dependencies, scriptlets,
# digests (rpm -K), payloads in every compressor, and no rpmlint errors.
. "$PYDEB_SOURCE_ROOT/tests/integration/rpm/lib.sh"
work=$(scratch)
make_stage "$work/stage" 1
build "$work/stage" "$work/demo-1.0-1.x86_64.rpm" 1 epoch=2 'hook.post_install=echo hi'
pkg=$work/demo-1.0-1.x86_64.rpm

info=$(rpm -qpi "$pkg")
for line in 'Name        : demo' 'Epoch       : 2' 'Version     : 1.0' 'Release     : 1' \
    'Architecture: x86_64' 'License     : MIT' 'URL         : https://example.com/demo' \
    'Packager    : Jane Doe <jane@example.com>' 'Summary     : Demo application' \
    'Source RPM  : demo-1.0-1.src.rpm' 'Build Host  : reproducible'; do
    grep -qxF "$line" <<<"$info" || fail "rpm -qpi lacks '$line':
$info"
done
[ "$(rpm -qp --qf '%{BUILDTIME}' "$pkg")" = 1700000000 ] || fail "BUILDTIME is not SOURCE_DATE_EPOCH"
pass "rpm -qpi shows the fields"

expected_files='/etc/demo
/etc/demo/demo.conf
/opt/venvs
/opt/venvs/demo
/opt/venvs/demo/bin
/opt/venvs/demo/bin/demo
/opt/venvs/demo/bin/demo-helper
/opt/venvs/demo/bin/python
/opt/venvs/demo/lib
/opt/venvs/demo/lib/python3.11
/opt/venvs/demo/lib/python3.11/site-packages
/opt/venvs/demo/lib/python3.11/site-packages/demo
/opt/venvs/demo/lib/python3.11/site-packages/demo/__init__.py
/opt/venvs/demo/lib/python3.11/site-packages/old
/opt/venvs/demo/lib/python3.11/site-packages/old/__init__.py'
[ "$(rpm -qpl "$pkg")" = "$expected_files" ] || fail "rpm -qpl: $(rpm -qpl "$pkg")"
[ "$(rpm -qpc "$pkg")" = /etc/demo/demo.conf ] || fail "the config file is not %config"
[ "$(rpm -qp --qf '[%{FILEFLAGS:fflags} %{FILENAMES}\n]' "$pkg" | grep demo.conf)" = \
    "cn /etc/demo/demo.conf" ] || fail "demo.conf is not %config(noreplace)"
[ "$(rpm -qp --qf '[%{FILEMODES:perms} %{FILEUSERNAME}:%{FILEGROUPNAME} %{FILENAMES}\n]' "$pkg" |
    grep 'bin/demo$')" = "-rwxr-xr-x root:root /opt/venvs/demo/bin/demo" ] || fail "modes/owners"
pass "rpm -qpl lists the owned paths, never /opt or /etc"

requires=$(rpm -qp --requires "$pkg")
for dep in 'libc.so.6()(64bit)' 'python(abi) = 3.11' 'rpmlib(PayloadIsZstd) <= 5.4.18-1' \
    'rpmlib(CompressedFileNames) <= 3.0.4-1' 'rpmlib(FileDigests) <= 4.6.0-1' \
    'rpmlib(PayloadFilesHavePrefix) <= 4.0-1' /bin/sh; do
    grep -qxF "$dep" <<<"$requires" || fail "requires lacks '$dep': $requires"
done
[ "$(rpm -qp --provides "$pkg")" = 'bundled(python3dist(idna)) = 3.4
config(demo) = 2:1.0-1
demo = 2:1.0-1
demo(x86-64) = 2:1.0-1' ] || fail "provides: $(rpm -qp --provides "$pkg")"
[ "$(rpm -qp --conflicts "$pkg")" = 'demo-legacy < 1.0' ] || fail "conflicts"
pass "rpm shows requires, provides and conflicts with their flags"

scripts=$(rpm -qp --scripts "$pkg")
for kind in postinstall preuninstall postuninstall posttrans; do
    grep -q "^$kind scriptlet (using /bin/sh):" <<<"$scripts" || fail "no $kind scriptlet"
done
grep -q '^echo hi$' <<<"$scripts" || fail "the post_install hook is missing"
pass "rpm -qp --scripts shows the scriptlets"

for compression in zstd xz gzip; do
    build "$work/stage" "$work/c.rpm" 1 compression=$compression
    [ "$(rpm -K "$work/c.rpm")" = "$work/c.rpm: digests OK" ] || fail "$compression: $(rpm -Kv "$work/c.rpm")"
    [ "$(rpm -qp --qf '%{PAYLOADCOMPRESSOR}' "$work/c.rpm")" = $compression ] || fail "compressor"
    listing=$(cd "$work" && rpm2cpio c.rpm | cpio -it --quiet)
    [ "$listing" = "$(sed 's|^|.|' <<<"$expected_files")" ] || fail "$compression payload: $listing"
    rm -rf "$work/x" && mkdir "$work/x"
    (cd "$work/x" && rpm2cpio ../c.rpm | cpio -idm --quiet)
    cmp "$work/x/opt/venvs/demo/bin/demo-helper" /bin/true || fail "$compression: file bytes differ"
    pass "$compression: rpm -K digests OK, payload extracts"
done
verbose=$(rpm -Kv "$pkg")
grep -q 'Header SHA256 digest: OK' <<<"$verbose" || fail "no header digest: $verbose"
grep -q 'Payload SHA256 digest: OK' <<<"$verbose" || fail "no payload digest: $verbose"

# The check can fail: one flipped payload byte is caught.
cp "$pkg" "$work/bad.rpm"
size=$(stat -c %s "$work/bad.rpm")
printf '\xff' | dd of="$work/bad.rpm" bs=1 seek=$((size - 40)) conv=notrunc status=none
! rpm -K "$work/bad.rpm" >/dev/null 2>&1 || fail "rpm -K accepts a corrupted payload"
pass "rpm -K rejects a corrupted payload"

need rpmlint rpmlint
# rpmlint exits non-zero for warnings too; the errors are what must be none.
out=$(rpmlint -r "$PYDEB_SOURCE_ROOT/rpm/pydeb.rpmlintrc" "$pkg" 2>&1) || status=$?
grep -q ' 0 errors' <<<"$out" || fail "rpmlint reports errors (exit ${status:-0}):
$out"
pass "rpmlint: 0 errors"

# RESERVEDSPACE: rpmsign signs in place, so the package keeps its size and verifies afterwards.
need gpg gpg
need rpmsign rpm
{
    export GNUPGHOME=$work/gnupg
    mkdir -m 700 "$GNUPGHOME"
    gpg --batch --passphrase '' --quick-gen-key 'Pydeb Test <test@example.com>' rsa2048 sign never \
        >/dev/null 2>&1 || fail "gpg could not make a test key"
    cp "$pkg" "$work/signed.rpm"
    rpmsign --define '__gpg /usr/bin/gpg' --define '_gpg_name Pydeb Test' --addsign \
        "$work/signed.rpm" >/dev/null 2>&1 || fail "rpmsign --addsign failed"
    [ "$(stat -c %s "$work/signed.rpm")" = "$(stat -c %s "$pkg")" ] || fail "signing grew the file"
    rpm -qpi "$work/signed.rpm" | grep -c '^Signature   : RSA/' >/dev/null || fail "no signature after rpmsign"
    # rpm -Kv exits non-zero here (NOKEY: the key is not imported); the digests must still be OK.
    verbose=$(rpm -Kv "$work/signed.rpm" 2>&1) || has -F NOKEY <<<"$verbose" || fail "rpm -Kv: $verbose"
    grep -q 'Payload SHA256 digest: OK' <<<"$verbose" || fail "digests broke: $verbose"
    pass "rpmsign --addsign signs in place (reserved space)"
}
