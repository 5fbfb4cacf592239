#!/bin/bash
# dh mode with services:, users: and directories: in debian/pydeb.yaml (issue 18): dh_pydeb puts
# the unit in debian/PACKAGE/lib/systemd/system and the sysusers.d and tmpfiles.d fragments in
# debian/PACKAGE/usr/lib, and dh_installsystemd, dh_installsysusers (run after dh_pydeb by the
# addon in compat 13) and dh_installtmpfiles write the snippets: each exactly once, none from
# pydeb itself. A service with its own enable/start/restart options is refused under dh at its
# FILE:LINE:COL, since dh_installsystemd takes those from debian/rules.
# shellcheck source=SCRIPTDIR/lib.sh
. "$PYDEB_SOURCE_ROOT/tests/integration/debhelper/lib.sh"
. "$PYDEB_SOURCE_ROOT/tests/integration/debhelper/minimal-source.sh"

make_minimal_source "$work"
pkg=$work/minapp-1.0
cat >>"$pkg/debian/pydeb.yaml" <<'SPEC'
users:
  - {name: minapp, home: /var/lib/minapp}
directories:
  - {path: /var/lib/minapp, user: minapp, mode: "0750", purge: true}
services:
  - {name: minapp, exec: minapp, user: minapp}
SPEC
(cd "$pkg" && PYDEB=$PYDEB dpkg-buildpackage -us -uc -b -d) >"$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log"; fail "dpkg-buildpackage with services: in debian/pydeb.yaml"; }
deb=$(ls "$work"/minapp_1.0-1_*.deb)
dpkg-deb -c "$deb" >"$work/contents"
for path in lib/systemd/system/minapp.service usr/lib/sysusers.d/minapp.conf usr/lib/tmpfiles.d/minapp.conf; do
    has "\./$path\$" "$work/contents" || fail "$path is not in the package"
done
mkdir "$work/control"
dpkg-deb -e "$deb" "$work/control"
once() { # once SCRIPT PATTERN: PATTERN is on exactly one line of SCRIPT
    local n
    n=$(awk -v s="$2" 'index($0, s) { n++ } END { print n + 0 }' "$work/control/$1")
    [ "$n" = 1 ] || fail "$1 has '$2' $n times, not once"
}
[ "$(grep -c '# Automatically added by dh_installsystemd/' "$work/control/postinst")" = 2 ] || fail "postinst: not exactly dh_installsystemd's enable and start snippets"
once postinst "deb-systemd-helper enable 'minapp.service'"
once postinst "deb-systemd-invoke \$_dh_action 'minapp.service'"
once postinst '# Automatically added by dh_installsysusers/'
# shellcheck disable=SC2016 # the literal text of the snippet
once postinst 'systemd-sysusers ${DPKG_ROOT:+--root="$DPKG_ROOT"} minapp.conf'
once postinst '# Automatically added by dh_installtmpfiles/'
# shellcheck disable=SC2016
once postinst 'systemd-tmpfiles ${DPKG_ROOT:+--root="$DPKG_ROOT"} --create minapp.conf'
once prerm "deb-systemd-invoke stop 'minapp.service'"
once postrm "deb-systemd-helper purge 'minapp.service'"
once postrm "'/var/lib/minapp'"
! grep -l 'pydeb (services\|pydeb (users\|pydeb (directories' "$work"/control/*inst "$work"/control/*rm ||
    fail "pydeb wrote service snippets of its own under dh"
[ ! -e "$work/control/conffiles" ] || ! has systemd "$work/control/conffiles" || fail "the unit is a conffile"
pass "dh: unit, sysusers.d and tmpfiles.d files in the package; each debhelper snippet once, none from pydeb; purge path in postrm"

# enable: false is dh_installsystemd's option under dh: refused at its location.
sed -i 's|  - {name: minapp, exec: minapp, user: minapp}|  - {name: minapp, exec: minapp, user: minapp, enable: false}|' "$pkg/debian/pydeb.yaml"
line=$(grep -n 'enable: false' "$pkg/debian/pydeb.yaml" | cut -d: -f1)
if (cd "$pkg" && "$PYDEB" install debian/pydeb.yaml --root "$work/tree" --debian-source . --package minapp \
    --substvars "$work/substvars") >"$work/dh-err" 2>&1; then
    fail "enable: false was accepted under dh"
fi
has "debian/pydeb.yaml:$line:5: under dh, dh_installsystemd writes the scripts of minapp.service" "$work/dh-err" ||
    { cat "$work/dh-err"; fail "the refusal does not name the service's location"; }
pass "dh: enable: false is refused at debian/pydeb.yaml:$line:5 (use override_dh_installsystemd)"
