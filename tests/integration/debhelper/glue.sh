#!/bin/bash
# The debhelper addon and dh_pydeb, with a stand-in pydeb (stub-pydeb.sh: the "pydeb install"
# command-line contract) so the glue is checked independently of the pipeline:
#  - "dh binary --no-act" with the addon: dh_pydeb sits before dh_installinit, dh_auto_* are gone,
#    dh_strip/dh_shlibdeps get -X/site-packages/;
#  - dpkg-buildpackage of a sample source (Build-Depends: dh-sequence-pydeb, rules "dh $@") with a
#    systemd unit: ${pydeb:Depends} merged into Depends, dh_shlibdeps did not see the venv's ELF
#    object, the maintainer scripts carry pydeb's snippets (in debhelper's order relative to the
#    systemd ones), DEB_BUILD_OPTIONS nostrip/nocheck reach pydeb.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
# (not common.sh's scratch(): in "$(scratch)" its EXIT trap fires when the subshell ends)
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-it-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
src=$PYDEB_SOURCE_ROOT
export PERL5LIB=$src/debhelper/lib${PERL5LIB:+:$PERL5LIB}
export PATH=$src/debhelper:$PATH
export DH_AUTOSCRIPTDIR=$src/templates/deb
export PYDEB=$src/tests/integration/debhelper/stub-pydeb.sh
export STUB_PYDEB_LOG=$work/pydeb.log

pkg=$work/demo-1.0
mkdir -p "$pkg/debian/source"
cat >"$pkg/debian/control" <<'CONTROL'
Source: demo
Section: misc
Priority: optional
Maintainer: Jane Doe <jane@example.com>
Build-Depends: debhelper-compat (= 13), dh-sequence-pydeb
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: demo
Architecture: any
Depends: ${pydeb:Depends}, ${shlibs:Depends}, ${misc:Depends}
Description: pydeb debhelper glue test
 A fake virtualenv staged by a stand-in for pydeb.
CONTROL
cat >"$pkg/debian/changelog" <<'CHANGELOG'
demo (1.0-1) unstable; urgency=medium

  * Test build.

 -- Jane Doe <jane@example.com>  Sun, 22 Nov 2026 04:00:00 +0000
CHANGELOG
printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n' >"$pkg/debian/rules"
chmod 0755 "$pkg/debian/rules"
echo '3.0 (native)' >"$pkg/debian/source/format"
printf 'bytecode: install\n' >"$pkg/debian/pydeb.yaml"
printf '[Unit]\nDescription=demo\n[Service]\nExecStart=/usr/bin/demo\n[Install]\nWantedBy=multi-user.target\n' \
    >"$pkg/debian/demo.service"
# A setup.py would make dh_auto_build run distutils if the addon had not removed dh_auto_*.
printf 'raise SystemExit("dh_auto_* must not run with the pydeb addon")\n' >"$pkg/setup.py"

# 1. The sequence, as dh plans it (activated through Build-Depends: dh-sequence-pydeb).
(cd "$pkg" && dh binary --no-act) >"$work/sequence" 2>&1 || { cat "$work/sequence"; fail "dh --no-act"; }
line_of() { grep -n -m1 -E "^ *$1( |$)" "$work/sequence" | cut -d: -f1; }
[ -n "$(line_of dh_pydeb)" ] || { cat "$work/sequence"; fail "dh_pydeb is not in the sequence"; }
[ "$(line_of dh_pydeb)" -lt "$(line_of dh_installinit)" ] || fail "dh_pydeb must run before dh_installinit"
[ "$(line_of dh_pydeb)" -gt "$(line_of dh_install)" ] || fail "dh_pydeb must run after dh_install"
for cmd in dh_auto_configure dh_auto_build dh_auto_test dh_auto_install; do
    ! grep -q -E "^ *$cmd( |$)" "$work/sequence" || fail "$cmd is still in the sequence"
done
grep -q -E '^ *dh_strip .*-X/site-packages/' "$work/sequence" || fail "dh_strip lacks -X/site-packages/"
grep -q -E '^ *dh_shlibdeps .*-X/site-packages/' "$work/sequence" || fail "dh_shlibdeps lacks -X/site-packages/"
pass "dh sequence with the pydeb addon"

# 2. A real build (-d: dh-sequence-pydeb is not installed on the host; dh reads it anyway).
(cd "$pkg" && DEB_BUILD_OPTIONS='nostrip nocheck' dpkg-buildpackage -us -uc -b -d) >"$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log"; fail "dpkg-buildpackage"; }
deb=$(ls "$work"/demo_1.0-1_*.deb)
grep -q -- "install debian/pydeb.yaml --root debian/demo --debian-source . --package demo --substvars debian/.debhelper/generated/demo/pydeb.substvars --strip no --check-installable off" \
    "$STUB_PYDEB_LOG" || { cat "$STUB_PYDEB_LOG"; fail "dh_pydeb did not pass the expected options"; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
case ", $depends," in *", libyaml-0-2,"*) ;; *) fail "\${pydeb:Depends} did not reach Depends" ;; esac
case ", $depends," in *", python3.11,"*) ;; *) fail "\${pydeb:Depends} lost python3.11" ;; esac
case "$depends" in *libc6*) fail "dh_shlibdeps scanned the venv's ELF object (libc6 in Depends)" ;; esac
dpkg-deb -c "$deb" >"$work/contents"
for path in ./opt/venvs/demo/pyvenv.cfg ./opt/venvs/demo/lib/python3.11/site-packages/_speedups.cpython-311-x86_64-linux-gnu.so \
    "./opt/venvs/demo/lib/python3.11/site-packages/data file.txt" ./usr/bin/demo ./etc/demo/demo.conf; do
    grep -qF " $path" "$work/contents" || fail "$path is missing from the .deb"
done
mkdir "$work/control"
dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/demo/demo.conf "$work/control/conffiles" || fail "/etc/demo/demo.conf is not a conffile"
for script in postinst prerm postrm; do
    sh -n "$work/control/$script" || fail "$script is not valid sh"
done
# The snippets are templates/deb's fragments with #PREFIX# / #PYTHON# filled in, shell-quoted.
grep -qx "	pydeb_python='/usr/bin/python3'" "$work/control/postinst" &&
    grep -q -- '-m compileall -q "$pydeb_prefix"' "$work/control/postinst" ||
    fail "postinst lacks the bytecode snippet (bytecode: install)"
for script in postinst prerm postrm; do
    grep -qx "	pydeb_prefix='/opt/venvs/demo'" "$work/control/$script" || fail "$script: no quoted prefix"
done
grep -q 'find "$pydeb_prefix" -type d -name __pycache__' "$work/control/prerm" || fail "prerm lacks the __pycache__ cleanup"
grep -q 'rm -rf "$pydeb_prefix"' "$work/control/postrm" || fail "postrm lacks the purge snippet"
# debhelper's order: postinst appends (pydeb before the service start), prerm prepends (the
# service stop that dh_installsystemd added later runs before pydeb's cleanup).
first() { grep -n -m1 -- "$1" "$2" | cut -d: -f1; }
[ "$(first compileall "$work/control/postinst")" -lt "$(first 'deb-systemd-invoke' "$work/control/postinst")" ] ||
    fail "postinst: pydeb's bytecode snippet must precede the service start"
[ "$(first 'deb-systemd-invoke stop' "$work/control/prerm")" -lt "$(first __pycache__ "$work/control/prerm")" ] ||
    fail "prerm: the service stop must precede pydeb's cleanup"
pass "dpkg-buildpackage with dh-sequence-pydeb"

# 3. Default options and a per-package spec: no --strip/--check-installable, no bytecode snippet.
rm "$pkg/debian/pydeb.yaml" "$STUB_PYDEB_LOG"
printf 'bytecode: build\n' >"$pkg/debian/demo.pydeb.yaml"
(cd "$pkg" && dpkg-buildpackage -us -uc -b -d) >"$work/build2.log" 2>&1 || { tail -40 "$work/build2.log"; fail "second build"; }
grep -q -- "install debian/demo.pydeb.yaml --root debian/demo .*--substvars [^ ]*$" "$STUB_PYDEB_LOG" ||
    { cat "$STUB_PYDEB_LOG"; fail "without DEB_BUILD_OPTIONS dh_pydeb must not override strip/check"; }
rm -rf "$work/control" && mkdir "$work/control" && dpkg-deb -e "$deb" "$work/control"
! grep -q compileall "$work/control/postinst" || fail "bytecode: build must not compile in postinst"
pass "debian/PACKAGE.pydeb.yaml and default DEB_BUILD_OPTIONS"
