#!/bin/bash
# The oracle for the .deb's service snippets: a tiny debhelper package built here with the same
# unit, whose scripts dh_installsystemd (bookworm, debhelper 13.11) writes. Both packages'
# maintainer scripts run for every dpkg event in a clean root, with deb-systemd-helper,
# deb-systemd-invoke and systemctl replaced by stubs that log their arguments and with
# /run/systemd/system present (a booted systemd): the calls must be the same, event by event,
# for the default service and for restart-on-upgrade: false (--no-restart-after-upgrade).
. "$PYDEB_SOURCE_ROOT/tests/integration/services/lib.sh"
[ "$(id -u)" = 0 ] || fail "needs root (chroot, unshare)"
need dpkg-buildpackage dpkg-dev
need dh debhelper
need unshare util-linux
lib=$PYDEB_SOURCE_ROOT/tests/integration/lib
work=$(scratch)
root=$work/root
# shellcheck disable=SC2064 # expand now
trap "'$lib/clean-root.sh' --remove '$PYDEB_TEST_TMP'" EXIT
"$lib/clean-root.sh" "$root"
mkdir -p "$root/stub"
for tool in deb-systemd-helper deb-systemd-invoke systemctl; do
    printf '#!/bin/sh\necho "%s $*" >>/trace\nexit 0\n' "$tool" >"$root/stub/$tool"
done
for tool in systemd-sysusers systemd-tmpfiles; do # pydeb's package has users and directories
    printf '#!/bin/sh\nexit 0\n' >"$root/stub/$tool"
done
chmod 0755 "$root"/stub/*

# scripts_of DEB DIR: the maintainer scripts of DEB, in DIR.
scripts_of() {
    mkdir -p "$2"
    dpkg-deb -e "$1" "$2"
}

# oracle NAME UNIT DH-OPTIONS: build the debhelper package NAME shipping UNIT, in $work/dh-NAME.
oracle() {
    local src=$work/dh-$1/src
    mkdir -p "$src/debian/source"
    cp "$2" "$src/debian/svcapp.service"
    echo "3.0 (native)" >"$src/debian/source/format"
    cat >"$src/debian/control" <<EOT
Source: svcapp
Section: misc
Priority: optional
Maintainer: Jane Doe <jane@example.com>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2

Package: svcapp
Architecture: all
Depends: \${misc:Depends}
Description: oracle for pydeb's service snippets
 Built by the services-deb-trace test.
EOT
    printf 'svcapp (1.0-1) unstable; urgency=medium\n\n  * Test.\n\n -- Jane Doe <jane@example.com>  Thu, 01 Jan 2026 00:00:00 +0000\n' >"$src/debian/changelog"
    printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n\noverride_dh_installsystemd:\n\tdh_installsystemd %s\n' "$3" >"$src/debian/rules"
    chmod +x "$src/debian/rules"
    (cd "$src" && dpkg-buildpackage -b -us -uc >"$work/dh-$1.log" 2>&1) || { tail -20 "$work/dh-$1.log"; fail "dpkg-buildpackage ($1)"; }
    scripts_of "$work/dh-$1"/svcapp_1.0-1_all.deb "$work/dh-$1/scripts"
}

# trace DIR SCRIPT ARGS...: the stub calls SCRIPT of DIR makes for ARGS ("-" when it has none).
trace() {
    local dir=$1 script=$2
    shift 2
    [ -f "$dir/$script" ] || { echo "(no $script)"; return; }
    cp "$dir/$script" "$root/script"
    : >"$root/trace"
    unshare --mount sh -c "mount -t tmpfs tmpfs '$root/run' && mkdir -p '$root/run/systemd/system' &&
        chroot '$root' env -i PATH=/stub:/usr/sbin:/usr/bin:/sbin:/bin sh /script \"\$@\"" trace "$@" ||
        fail "$script $* failed in $dir"
    cat "$root/trace"
}

compare() { # compare NAME: every event, pydeb's calls against the oracle's
    local name=$1 event
    local events=("preinst install" "preinst upgrade 1.0-1 2.0-1" "preinst abort-upgrade 2.0-1"
        "postinst configure" "postinst configure 1.0-1" "postinst abort-upgrade 1.0-1"
        "prerm remove" "prerm upgrade 2.0-1" "prerm failed-upgrade 1.0-1 2.0-1"
        "postrm remove" "postrm purge" "postrm upgrade 2.0-1" "postrm abort-install"
        "postrm failed-upgrade 1.0-1 2.0-1")
    for event in "${events[@]}"; do
        # shellcheck disable=SC2086 # the event is words
        trace "$work/pydeb-$name" $event >"$work/got"
        # shellcheck disable=SC2086
        trace "$work/dh-$name/scripts" $event >"$work/want"
        diff -u "$work/want" "$work/got" >"$work/diff" ||
            { cat "$work/diff"; fail "$name: '$event': pydeb's calls differ from dh_installsystemd's"; }
        [ "$name/$event" != "default/postinst configure" ] || grep -q 'invoke start' "$work/got" ||
            fail "the trace is empty where the service must start: $(cat "$work/got")"
    done
    pass "$name: deb-systemd-helper/-invoke and systemctl calls equal dh_installsystemd's for ${#events[@]} events"
}

port=$(free_port)
make_app "$work/app-default" 1.0 "$port"
make_app "$work/app-norestart" 1.0 "$port" "    restart-on-upgrade: false"
for name in default norestart; do
    build_app "$work/app-$name" deb
    scripts_of "$work/app-$name"/out/svcapp_1.0-1_amd64.deb "$work/pydeb-$name"
    dpkg-deb --fsys-tarfile "$work/app-$name"/out/svcapp_1.0-1_amd64.deb |
        tar -xO ./lib/systemd/system/svcapp.service >"$work/unit-$name"
done
oracle default "$work/unit-default" ""
oracle norestart "$work/unit-norestart" "--no-restart-after-upgrade"
compare default
compare norestart

# Without systemd (this minbase root has neither systemd-sysusers nor systemd-tmpfiles), the
# postinst creates the user with useradd and the directories with install -d.
rm "$root/stub/systemd-sysusers" "$root/stub/systemd-tmpfiles"
! chroot "$root" sh -c 'command -v systemd-sysusers || command -v systemd-tmpfiles' >/dev/null ||
    fail "the clean root has systemd's tools; the fallback is not exercised"
trace "$work/pydeb-default" postinst configure >/dev/null
grep -q '^svcapp:x:[0-9]*:[0-9]*:svcapp service:/var/lib/svcapp:/usr/sbin/nologin$' "$root/etc/passwd" ||
    fail "useradd fallback: $(grep svcapp "$root/etc/passwd" || echo no svcapp user)"
[ "$(chroot "$root" stat -c '%a %U %G' /var/lib/svcapp)" = "750 svcapp svcapp" ] || fail "install -d fallback"
pass "without systemd: useradd made the user, install -d the directories"
