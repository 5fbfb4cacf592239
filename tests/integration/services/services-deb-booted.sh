#!/bin/bash
# A service declared in pydeb.yaml, as a .deb, on a booted bookworm root (systemd as PID 1 under
# unshare, with dbus): after install it answers over HTTP on its loopback port as its system
# user; after an upgrade it answers with the new version's text; remove stops it; purge leaves
# no enablement links and keeps the user (Debian Policy 9.2.1). The same root also gets the
# checks that need no running systemd: systemctl --root is-enabled, passwd, the directories'
# owner and mode, systemd-analyze verify of the unit.
. "$PYDEB_SOURCE_ROOT/tests/integration/services/lib.sh"
[ "$(id -u)" = 0 ] || fail "needs root (chroot, unshare)"
need unshare util-linux
need nsenter util-linux
need debootstrap debootstrap
lib=$PYDEB_SOURCE_ROOT/tests/integration/lib
work=$(scratch)
root=$work/root
# shellcheck disable=SC2064 # expand now
trap "shutdown_root; '$lib/clean-root.sh' --remove '$PYDEB_TEST_TMP'" EXIT

port=$(free_port)
make_app "$work/v1" 1.0 "$port"
make_app "$work/v2" 2.0 "$port"
build_app "$work/v1" deb
build_app "$work/v2" deb
pass "pydeb build wrote svcapp 1.0 and 2.0 (port $port)"

systemd_root "$root"
boot_root "$root"
# After the boot: systemd-tmpfiles empties /tmp when it starts.
cp "$work"/v1/out/*.deb "$work"/v2/out/*.deb "$root/root/"
pass "systemd booted in the root ($(in_booted systemctl is-system-running; :))"

answer() { # wait up to 10 s for the service to answer with $1
    local body=""
    for _ in $(seq 50); do
        body=$(http_get "$port")
        [ "$body" = "$1" ] && return 0
        sleep 0.2
    done
    fail "expected '$1' on 127.0.0.1:$port, got '$body'; $(in_booted journalctl -u svcapp --no-pager | tail -5)"
}

in_booted apt-get install -y -q --no-install-recommends /root/svcapp_1.0-1_amd64.deb >"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; fail "apt-get install svcapp 1.0"; }
answer "svcapp 1.0 user=svcapp"
[ "$(in_booted systemctl is-enabled svcapp.service)" = enabled ] || fail "not enabled after install"
main_pid=$(in_booted systemctl show -p MainPID --value svcapp.service)
[ "$(in_booted stat -c %U "/proc/$main_pid")" = svcapp ] || fail "the main process does not run as svcapp"
in_booted systemd-analyze verify /lib/systemd/system/svcapp.service >"$work/verify" 2>&1 ||
    { cat "$work/verify"; fail "systemd-analyze verify svcapp.service"; }
[ ! -s "$work/verify" ] || { cat "$work/verify"; fail "systemd-analyze verify has warnings"; }
pass "install: enabled, started, answers as user svcapp; systemd-analyze verify is clean"

# The checks that need no running systemd.
[ "$(systemctl --root "$root" is-enabled svcapp.service)" = enabled ] || fail "systemctl --root is-enabled"
grep -q '^svcapp:x:[0-9]*:[0-9]*:svcapp service:/var/lib/svcapp:/usr/sbin/nologin$' "$root/etc/passwd" ||
    fail "passwd: $(grep svcapp "$root/etc/passwd" || echo no svcapp)"
[ "$(chroot "$root" stat -c "%a %U %G" /var/lib/svcapp)" = "750 svcapp svcapp" ] || fail "/var/lib/svcapp: $(chroot "$root" stat -c "%a %U %G" /var/lib/svcapp)"
[ "$(chroot "$root" stat -c "%a %U %G" /var/log/svcapp)" = "755 svcapp svcapp" ] || fail "/var/log/svcapp"
in_booted dpkg-query -L svcapp | has -x /lib/systemd/system/svcapp.service || fail "unit not at /lib/systemd/system"
[ ! -s "$root/var/lib/dpkg/info/svcapp.conffiles" ] || fail "the unit must not be a conffile"
pass "systemctl --root is-enabled, passwd entry, directory owners and modes, unit not a conffile"

# An admin's drop-in survives the upgrade.
mkdir -p "$root/etc/systemd/system/svcapp.service.d"
printf '[Service]\nEnvironment=DROPIN=kept\n' >"$root/etc/systemd/system/svcapp.service.d/local.conf"
in_booted apt-get install -y -q /root/svcapp_2.0-1_amd64.deb >"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; fail "upgrade to svcapp 2.0"; }
answer "svcapp 2.0 user=svcapp"
in_booted systemctl show -p Environment --value svcapp.service | has DROPIN=kept || fail "drop-in lost"
pass "upgrade: restarted, answers with 2.0; the admin's drop-in is kept"

in_booted apt-get remove -y -q svcapp >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; fail "remove"; }
[ "$(in_booted systemctl is-active svcapp.service; :)" = inactive ] || fail "still active after remove"
[ -z "$(http_get "$port")" ] || fail "something still answers on $port after remove"
pass "remove: stopped, nothing answers"

in_booted apt-get purge -y -q svcapp >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; fail "purge"; }
links=$(find "$root/etc/systemd" -name 'svcapp*' ! -path '*/svcapp.service.d*')
[ -z "$links" ] || fail "purge left enablement links: $links"
[ ! -e "$root/var/lib/systemd/deb-systemd-helper-enabled/svcapp.service.dsh-also" ] || fail "deb-systemd-helper state left"
grep -q '^svcapp:' "$root/etc/passwd" || fail "purge removed the user"
[ ! -e "$root/var/lib/svcapp" ] || fail "purge: true directory left"
[ -d "$root/var/log/svcapp" ] || fail "a directory without purge: true was removed"
[ "$(systemctl --root "$root" is-enabled svcapp.service 2>&1; :)" != enabled ] || fail "still enabled"
pass "purge: no enablement links or helper state; user kept; purge: true directory removed"
