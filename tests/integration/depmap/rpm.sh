#!/bin/bash
# The RPM side: depmap's requires against rpm's own generator (elfdeps) on the same objects, and
# against a real rpm-md repository: rpmbuild packages a real libdemo.so.3 (so rpm generates its
# soname provides, versioned ones included), createrepo_c indexes it, and libsolv's whatprovides
# must find libdemo.so.3()(64bit) and libdemo.so.3(DEMO_2)(64bit) there while reporting the
# sonames the repository lacks. Needs rpm and createrepo-c (apt-get install rpm createrepo-c).
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"

driver=$PYDEB_BUILD_ROOT/tests/integration/depmap/depmap-driver
command -v rpmbuild >/dev/null || fail "rpmbuild missing: apt-get install rpm"
command -v createrepo_c >/dev/null || fail "createrepo_c missing: apt-get install createrepo-c"
# Not $(scratch): its EXIT trap runs when the command substitution's subshell exits, removing
# the directory at once and never at the end.
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-depmap-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
cd "$work"
export XDG_CACHE_HOME=$work/cache   # the .solv caches: cold, then reused by the later runs

# libdemo.so.3 with symbol versions DEMO_1 and DEMO_2.
printf 'DEMO_1 { global: demo_old; local: *; };\nDEMO_2 { global: demo_new; } DEMO_1;\n' > demo.map
printf 'int demo_old(void) { return 1; }\nint demo_new(void) { return 2; }\n' > demo.c
mkdir -p rpm/SOURCES
cc -shared -fPIC -Wl,-soname,libdemo.so.3 -Wl,--version-script,demo.map -o rpm/SOURCES/libdemo.so.3 demo.c
cat > libdemo.spec <<'SPEC'
Name: libdemo
Version: 3.0
Release: 1
Summary: demo library for pydeb's depmap test
License: MIT
# Provides only: the repository has no glibc to satisfy its own libc/rtld requires.
AutoReq: no
%global debug_package %{nil}
%global __strip /bin/true
%description
A real shared object, so rpmbuild generates its soname provides.
%install
install -D -m 0755 %{_sourcedir}/libdemo.so.3 %{buildroot}/usr/lib64/libdemo.so.3
%files
/usr/lib64/libdemo.so.3
SPEC
rpmbuild -bb --quiet --define "_topdir $work/rpm" --define "_dbpath $work/rpmdb" libdemo.spec >/dev/null 2>&1 \
    || { rpmbuild -bb --define "_topdir $work/rpm" libdemo.spec; fail "rpmbuild failed"; }
mkdir -p repo && cp rpm/RPMS/*/libdemo-3.0-1.*.rpm repo/
rpm -qp --provides repo/*.rpm | has -xF 'libdemo.so.3(DEMO_2)(64bit)' || fail "rpmbuild made no versioned provide"
createrepo_c --quiet repo
[[ -f repo/repodata/repomd.xml ]] || fail "createrepo_c wrote no repomd.xml"

# The staged application: one extension needing libdemo (DEMO_2) and libz, one vendored library.
prefix=/opt/venvs/rpmapp
stage=$work/stage
site=$stage$prefix/lib/python3.11/site-packages
mkdir -p "$site/app" "$site/app.libs"
printf 'int vend(void) { return 0; }\n' > vend.c
cc -shared -fPIC -Wl,-soname,libvend-9f.so.1 -o "$site/app.libs/libvend-9f.so.1" vend.c
printf '#include <zlib.h>\nint demo_new(void); int vend(void);\nint e(void) { return demo_new() + vend() + (int)zlibVersion()[0]; }\n' > ext.c
cc -shared -fPIC -o "$site/app/_ext.so" ext.c -Lrpm/SOURCES -l:libdemo.so.3 -L"$site/app.libs" \
    -l:libvend-9f.so.1 -lz -Wl,--enable-new-dtags,-rpath,'$ORIGIN/../app.libs'

"$driver" map rpm "$stage" "$prefix" --interpreter /usr/bin/python3.11 --repo "rpmmd:$work/repo" \
    > map.out 2> map.err || { cat map.err; fail "depmap-driver map rpm failed"; }
cat map.out map.err
requires=$(sed -n 's/^Requires: //p' map.out | sed 's/, /\n/g')
# As `pydeb build` maps: from the stage's listed files instead of a walk.
"$driver" map rpm "$stage" "$prefix" --interpreter /usr/bin/python3.11 --listed \
    --repo "rpmmd:$work/repo" > map-listed.out 2>/dev/null || fail "depmap-driver --listed failed"
cmp -s map.out map-listed.out || { diff map.out map-listed.out; fail "the listed mapping differs"; }
pass "walked and listed mappings agree"

# Differential: rpm's elfdeps on each object; ours must contain every require it prints, except
# rtld(GNU_HASH) (documented in rpm_requires.hpp) and the bundled library's.
for object in "$site/app/_ext.so" "$site/app.libs/libvend-9f.so.1"; do
    while read -r req; do
        [[ $req == 'rtld(GNU_HASH)' || $req == libvend-9f.so.1* ]] && continue
        grep -qxF -- "$req" <<< "$requires" || fail "elfdeps requires '$req' for $object; depmap: $requires"
        pass "elfdeps: $req"
    done < <(/usr/lib/rpm/elfdeps --requires "$object")
done
grep -qxF 'python(abi) = 3.11' <<< "$requires" || fail "no python(abi) = 3.11"
! grep -q libvend <<< "$requires" || fail "the vendored library leaked into Requires"
grep -q 'app/_ext.so: libvend-9f.so.1 -> .* \[bundled\]' map.out || fail "libvend not reported as bundled"
pass "vendored library produces no require"

# whatprovides against the repository: libdemo is there, libz is not.
! grep -q 'provides libdemo' map.err || fail "libdemo.so.3 reported missing although the repo provides it"
grep -qF 'nothing in the target repositories provides libz.so.1()(64bit)' map.err || fail "missing libz not reported"
pass "rpm-md whatprovides: libdemo found, libz.so.1 reported"

# Installability through the solver: present soname passes, a missing one is named.
"$driver" check rpm myapp 1.0-1 x86_64 --repo "rpmmd:$work/repo" -- 'libdemo.so.3()(64bit)' \
    'libdemo.so.3(DEMO_2)(64bit)' 'libdemo >= 3.0' > ok.out || { cat ok.out; fail "libdemo should satisfy"; }
set +e
"$driver" check rpm myapp 1.0-1 x86_64 --repo "rpmmd:$work/repo" -- 'libdemo.so.3()(64bit)' \
    'libmissing.so.9()(64bit)' 'libdemo.so.3(DEMO_9)(64bit)' > bad.out
rc=$?
set -e
cat bad.out
[[ $rc -eq 1 ]] || fail "expected exit 1, got $rc"
grep -qF 'nothing provides libmissing.so.9()(64bit) needed by myapp' bad.out || fail "libmissing not named"
grep -qF 'nothing provides libdemo.so.3(DEMO_9)(64bit) needed by myapp' bad.out || fail "DEMO_9 not named"
pass "rpm installability: every missing require named"

# The same check against an rpm database: libdemo installed into a scratch root by rpm itself.
rpm --root "$work/root" --dbpath /var/lib/rpm -i --nodeps --noscripts repo/libdemo-3.0-1.*.rpm >/dev/null 2>&1 \
    || fail "rpm -i into the scratch root failed"
"$driver" check rpm myapp 1.0-1 x86_64 --repo "rpmdb:$work/root" -- 'libdemo.so.3(DEMO_2)(64bit)' > db-ok.out \
    || { cat db-ok.out; fail "the rpmdb should provide libdemo.so.3(DEMO_2)(64bit)"; }
set +e
"$driver" check rpm myapp 1.0-1 x86_64 --repo "rpmdb:$work/root" -- 'libmissing.so.9()(64bit)' > db-bad.out
rc=$?
set -e
[[ $rc -eq 1 ]] && grep -qF 'nothing provides libmissing.so.9()(64bit)' db-bad.out \
    || { cat db-bad.out; fail "rpmdb: libmissing.so.9 not reported"; }
pass "rpmdb: present require passes, missing one named"
