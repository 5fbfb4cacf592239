#!/bin/bash
# rpm/macros.pydeb and the pydeb dependency generator (rpm/fileattrs), with a stand-in pydeb
# (../debhelper/stub-pydeb.sh: the "pydeb install" command-line contract), checked by rpmbuild
# and rpm themselves:
#  - %pydeb_install stages into %{buildroot}; "%files -f %{pydeb_filelist}" packages it, with
#    %config(noreplace) and a file name with a space;
#  - the mapped Requires (--rpm-requires) reach the package through the generator;
#  - rpm's python and ELF generators add nothing for the venv (Debian's rpm would otherwise add
#    python3dist()/python(abi) Requires, libc.so.6 Requires and a vendored-library Provides);
#  - a prefix that does not match %pydeb_prefix fails the build with a clear message;
#  - rpm -K passes.
# rpmbuild -bb --nodeps: BuildRequires cannot be satisfied from Debian's (empty) rpmdb.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
# (not common.sh's scratch(): in "$(scratch)" its EXIT trap fires when the subshell ends)
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-it-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
src=$PYDEB_SOURCE_ROOT
stub=$src/tests/integration/debhelper/stub-pydeb.sh

# The system's fileattrs plus pydeb.attr, as an installed pydeb would have them.
mkdir -p "$work/fileattrs" "$work/top/SOURCES" "$work/top/SPECS"
ln -s /usr/lib/rpm/fileattrs/*.attr "$work/fileattrs/"
ln -s "$src/rpm/fileattrs/pydeb.attr" "$work/fileattrs/pydeb.attr"
rpmbuild_pydeb() {
    rpmbuild -bb --nodeps \
        --load "$src/rpm/macros.pydeb" --load "$src/rpm/fileattrs/pydeb.attr" \
        --define "_topdir $work/top" --define "_fileattrsdir $work/fileattrs" \
        --define "__pydeb $stub" \
        --define "__pydeb_requires $src/rpm/fileattrs/pydeb.req %{pydeb_requires_file}" "$@"
}

printf 'name: demo\ninstall:\n  prefix: /opt/venvs/demo\n' >"$work/top/SOURCES/pydeb.yaml"
cat >"$work/top/SPECS/demo.spec" <<'SPEC'
Name: demo
Version: 1.0
Release: 1
Summary: pydeb rpmbuild macros test
License: MIT
Source0: pydeb.yaml

%description
A fake virtualenv staged by a stand-in for pydeb.

%install
%pydeb_install %{SOURCE0}

%files -f %{pydeb_filelist}
SPEC
rpmbuild_pydeb "$work/top/SPECS/demo.spec" >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "rpmbuild"; }
rpm=$(ls "$work"/top/RPMS/*/demo-1.0-1.*.rpm)

rpm -qp --requires "$rpm" >"$work/requires"
rpm -qp --provides "$rpm" >"$work/provides"
cat "$work/requires"
grep -qxF 'libpq.so.5()(64bit)' "$work/requires" || fail "the mapped Requires did not reach the package"
grep -qxF 'python3 >= 3.11' "$work/requires" || fail "the mapped python3 Requires is missing"
! grep -E 'python3(\.[0-9]+)?dist\(|python\(abi\)|libc\.so' "$work/requires" ||
    fail "rpm's generators added Requires for the bundled venv"
! grep -E 'dist\(|libyaml' "$work/provides" || fail "rpm's generators added Provides for the bundled venv"
pass "Requires: mapped ones only; no python3dist()/ELF dependencies from the venv"

rpm -qlp "$rpm" >"$work/files"
for path in /opt/venvs/demo /opt/venvs/demo/pyvenv.cfg /opt/venvs/demo/bin/python \
    "/opt/venvs/demo/lib/python3.11/site-packages/data file.txt" /usr/bin/demo /etc/demo /etc/demo/demo.conf; do
    grep -qxF "$path" "$work/files" || fail "$path is missing from the rpm"
done
! grep -qxE '/etc|/usr|/usr/bin|/opt' "$work/files" || fail "the rpm claims a shared system directory"
[ "$(rpm -qp --configfiles "$rpm")" = /etc/demo/demo.conf ] || fail "/etc/demo/demo.conf is not %config"
rpm -qp --qf '[%{FILEFLAGS:fflags} %{FILENAMES}\n]' "$rpm" | has -x 'cn /etc/demo/demo.conf' ||
    fail "/etc/demo/demo.conf is not %config(noreplace)"
rpm -K "$rpm" | has 'digests OK' || fail "rpm -K"
pass "%files -f %{pydeb_filelist}, %config(noreplace), rpm -K"

# A prefix that is not %pydeb_prefix must fail loudly, not package an empty venv.
sed -i 's|^%install|%global pydeb_prefix /opt/elsewhere\n&|' "$work/top/SPECS/demo.spec"
if rpmbuild_pydeb "$work/top/SPECS/demo.spec" >"$work/bad.log" 2>&1; then
    fail "rpmbuild succeeded with a mismatched prefix"
fi
grep -q 'no virtualenv at /opt/elsewhere; set install.prefix' "$work/bad.log" ||
    { tail -10 "$work/bad.log"; fail "the prefix mismatch message is missing"; }
pass "a prefix mismatch fails with a message"
