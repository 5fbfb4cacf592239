#!/bin/bash
# Acceptance on a clean machine (a fresh debootstrap bookworm root): apt installs the package
# and its dependencies, the hooks run at the right dpkg events, an upgrade keeps an edited
# conffile and never runs the remove hooks, removal leaves no virtualenv directory behind
# (__pycache__ cleanup, dh-virtualenv #270), and purge leaves the root as it was.
. "$PYDEB_SOURCE_ROOT/tests/integration/deb/lib.sh"
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for chroot"; exit 77; }
need debootstrap debootstrap
clean_root=$PYDEB_SOURCE_ROOT/tests/integration/lib/clean-root.sh

work=$(scratch)
root=$work/root
# Replaces common.sh's cleanup: unmount /proc in the root first, never cross file systems.
# shellcheck disable=SC2064 # expand now
trap "'$clean_root' --remove '$PYDEB_TEST_TMP'" EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"; }
# Everything but package-manager state, logs and caches: what a package may leave behind.
listing() {
    (cd "$root" && find . -xdev \( -path ./proc -o -path ./var/lib/dpkg -o -path ./var/lib/apt \
        -o -path ./var/cache -o -path ./var/log -o -path ./tmp -o -path ./run \) -prune -o -print) |
        LC_ALL=C sort
}

make_stage "$work/stage1" 1.0
make_stage "$work/stage2" 2.0
DRIVER_BYTECODE=1 "$DEB_DRIVER" "$work/stage1" "$work/pydeb-hello_1.0-1_all.deb" 1.0
DRIVER_BYTECODE=1 "$DEB_DRIVER" "$work/stage2" "$work/pydeb-hello_2.0-1_all.deb" 2.0

"$clean_root" "$root"
mount -t proc proc "$root/proc"
in_root apt-get install -y -qq --no-install-recommends python3 >"$work/apt.log" 2>&1 ||
    { tail -20 "$work/apt.log"; fail "installing python3 in the clean root"; }
listing >"$work/before"
cp "$work"/*.deb "$root/tmp/"

# Install with apt, as a user would.
in_root apt-get install -y -qq /tmp/pydeb-hello_1.0-1_all.deb >"$work/apt.log" 2>&1 ||
    { tail -20 "$work/apt.log"; fail "apt-get install ./pydeb-hello_1.0-1_all.deb"; }
[ "$(in_root hello)" = "hello 1.0" ] || fail "/usr/bin/hello does not run the 1.0 venv"
# shellcheck disable=SC2016 # dpkg-query's format, not a shell expansion
[ "$(in_root dpkg-query -W -f '${Status}' pydeb-hello)" = "install ok installed" ] || fail "status"
[ "$(cat "$root/var/lib/pydeb-hello/log")" = "pre_install install
post_install configure " ] || fail "fresh install hooks: $(cat "$root/var/lib/pydeb-hello/log")"
ls "$root"/opt/venvs/pydeb-hello/lib/python3.11/site-packages/hello/__pycache__/*.pyc >/dev/null ||
    fail "postinst did not compile bytecode"
in_root dpkg --verify pydeb-hello || fail "dpkg --verify after install"
pass "apt installs 1.0; postinst ran post_install and compiled bytecode"

# Upgrade: the edited conffile survives, upgrade hooks run, remove hooks do not.
echo "# local edit" >>"$root/etc/pydeb-hello/hello.conf"
: >"$root/var/lib/pydeb-hello/log"
in_root apt-get install -y -qq /tmp/pydeb-hello_2.0-1_all.deb >"$work/apt.log" 2>&1 ||
    { tail -20 "$work/apt.log"; fail "upgrade to 2.0"; }
[ "$(in_root hello)" = "hello 2.0" ] || fail "upgrade did not replace the venv"
grep -q '^# local edit$' "$root/etc/pydeb-hello/hello.conf" || fail "upgrade lost the conffile edit"
[ "$(cat "$root/var/lib/pydeb-hello/log")" = "pre_upgrade upgrade 1.0-1 2.0-1
post_upgrade configure 1.0-1" ] || fail "upgrade hooks: $(cat "$root/var/lib/pydeb-hello/log")"
pass "upgrade to 2.0 keeps the edited conffile and runs only the upgrade hooks"

# Remove: the venv directory disappears entirely (bytecode cleaned first); the conffile stays.
: >"$root/var/lib/pydeb-hello/log"
in_root dpkg --remove pydeb-hello >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "remove"; }
grep -q "not empty" "$work/dpkg.log" && { cat "$work/dpkg.log"; fail "dpkg could not remove a directory"; }
[ ! -e "$root/opt/venvs/pydeb-hello" ] || fail "removal left $(find "$root/opt/venvs/pydeb-hello" | head -5)"
[ -e "$root/etc/pydeb-hello/hello.conf" ] || fail "remove (not purge) deleted the conffile"
[ "$(cat "$root/var/lib/pydeb-hello/log")" = "pre_remove remove
post_remove remove" ] || fail "remove hooks: $(cat "$root/var/lib/pydeb-hello/log")"
pass "dpkg --remove leaves no venv directory and keeps the conffile"

# Purge: nothing of the package remains.
in_root dpkg --purge pydeb-hello >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "purge"; }
listing >"$work/after"
# dpkg removes an empty directory when its last owner goes. bookworm's base-files creates /opt in
# its postinst without listing it, so the package (which must ship ./opt/: dpkg does not create
# missing parents) is its only owner; every .deb under /opt behaves the same. Only /opt may go.
# Both listings are sorted (LC_ALL=C): comm -3 shows what only one of them has.
LC_ALL=C comm -3 "$work/before" "$work/after" >"$work/diff"
[ "$(awk '$0 != "./opt"' "$work/diff")" = "" ] ||
    { cat "$work/diff"; fail "purge left files behind or removed others (diff above)"; }
pass "dpkg --purge restores the root's file listing"
