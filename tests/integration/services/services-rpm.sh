#!/bin/bash
# The .rpm of a service: its scriptlets hold exactly what systemd's rpm macros expand to
# (%systemd_post, %systemd_preun, %systemd_postun_with_restart; nothing for restart-on-upgrade:
# false, as %systemd_postun is empty; %sysusers_create_package for users:), taken from the
# macros.systemd of Debian's systemd source (Debian ships no systemd rpm macros:
# lib/systemd-rpm-macros.sh). Then rpm --root install, upgrade and erase in a bookworm root with
# systemd and the macros' systemd-update-helper: the unit is preset-enabled, the user and the
# directories exist, the erase disables it and keeps the user.
. "$PYDEB_SOURCE_ROOT/tests/integration/services/lib.sh"
[ "$(id -u)" = 0 ] || fail "needs root (chroot)"
need rpm rpm
lib=$PYDEB_SOURCE_ROOT/tests/integration/lib
macros=$("$lib/systemd-rpm-macros.sh")
work=$(scratch)
root=$work/root
# shellcheck disable=SC2064 # expand now
trap "'$lib/clean-root.sh' --remove '$PYDEB_TEST_TMP'" EXIT

port=$(free_port)
make_app "$work/v1" 1.0 "$port"
make_app "$work/v2" 2.0 "$port"
make_app "$work/norestart" 1.0 "$port" "    restart-on-upgrade: false"
for app in v1 v2 norestart; do build_app "$work/$app" rpm; done
v1=$(ls "$work"/v1/out/*.rpm) v2=$(ls "$work"/v2/out/*.rpm) norestart=$(ls "$work"/norestart/out/*.rpm)

expand() { rpm --macros "/usr/lib/rpm/macros:$macros/macros.systemd" --eval "$1"; }
tag() { rpm -qp --qf "%{$2}" "$1"; }
# contains SCRIPTLET-TEXT EXPANSION: the expansion's lines (blank ones and trailing blanks
# dropped) appear in the scriptlet as one block.
contains() {
    python3 - "$1" "$2" <<'EOT'
import sys
norm = lambda text: [l.rstrip() for l in text.splitlines() if l.strip()]
got, want = norm(sys.argv[1]), norm(sys.argv[2])
sys.exit(not want or not any(got[i:i + len(want)] == want for i in range(len(got))))
EOT
}
check() { # check RPM TAG MACRO-CALL
    contains "$(tag "$1" "$2")" "$(expand "$3")" ||
        fail "$2 of $(basename "$1") lacks the expansion of $3:
$(expand "$3")
--- $2:
$(tag "$1" "$2")"
}
check "$v1" POSTIN '%systemd_post svcapp.service'
check "$v1" PREUN '%systemd_preun svcapp.service'
check "$v1" POSTUN '%systemd_postun_with_restart svcapp.service'
rpm2cpio "$v1" | (cd "$work" && cpio -idm --quiet ./usr/lib/sysusers.d/svcapp.conf)
check "$v1" PREIN "%sysusers_create_package svcapp $work/usr/lib/sysusers.d/svcapp.conf"
tag "$norestart" POSTUN | has -v mark-restart-system-units || fail "restart-on-upgrade: false still marks a restart"
check "$norestart" POSTIN '%systemd_post svcapp.service'
check "$norestart" PREUN '%systemd_preun svcapp.service'
[ -z "$(expand '%systemd_postun svcapp.service' | tr -d '[:space:]')" ] || fail "%systemd_postun is not empty"
rpm -qlp "$v1" | has -x /usr/lib/systemd/system/svcapp.service || fail "the unit is not in %_unitdir"
rpm -qp --qf '[%{FILEFLAGS:fflags} %{FILENAMES}\n]' "$v1" | has -E '^c.* /usr/lib/systemd/system/svcapp.service$' &&
    fail "the unit is %config"
pass "scriptlets hold %systemd_post, %systemd_preun, %systemd_postun_with_restart and %sysusers_create_package as systemd 252's macros expand them; not %config"

systemd_root "$root"
install -m 0755 "$macros/systemd-update-helper" "$root/usr/lib/systemd/systemd-update-helper"
mount -t proc proc "$root/proc" # systemd-tmpfiles refuses to run without it, as on any real system
rpm_root() { rpm --root "$root" --dbpath /var/lib/rpm "$@"; }
rpm_root -i --nodeps "$v1" 2>"$work/err" || fail "rpm -i: $(cat "$work/err")"
! grep -q 'scriptlet failed' "$work/err" || fail "a scriptlet failed: $(cat "$work/err")"
[ "$(systemctl --root "$root" is-enabled svcapp.service)" = enabled ] || fail "%systemd_post did not preset-enable it"
grep -q '^svcapp:x:[0-9]*:[0-9]*:svcapp service:/var/lib/svcapp:' "$root/etc/passwd" || fail "no svcapp user"
[ "$(chroot "$root" stat -c "%a %U %G" /var/lib/svcapp)" = "750 svcapp svcapp" ] || fail "/var/lib/svcapp owner/mode"
pass "rpm -i: user created in %pre, directories in %post, unit enabled by its preset"

rpm_root -U --nodeps "$v2" 2>"$work/err" || fail "rpm -U: $(cat "$work/err")"
! grep -q 'scriptlet failed' "$work/err" || fail "a scriptlet failed: $(cat "$work/err")"
[ "$(systemctl --root "$root" is-enabled svcapp.service)" = enabled ] || fail "the upgrade disabled it"
pass "rpm -U: still enabled"

rpm_root -e svcapp 2>"$work/err" || fail "rpm -e: $(cat "$work/err")"
! grep -q 'scriptlet failed' "$work/err" || fail "a scriptlet failed: $(cat "$work/err")"
[ -z "$(find "$root/etc/systemd/system" -name 'svcapp*')" ] || fail "rpm -e left enablement links"
grep -q '^svcapp:' "$root/etc/passwd" || fail "rpm -e removed the user"
[ ! -e "$root/var/lib/svcapp" ] || fail "rpm -e left the purge: true directory"
pass "rpm -e: %systemd_preun disabled it, the user is kept, the purge: true directory removed"
