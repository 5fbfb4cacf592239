#!/bin/bash
# systemd-root.sh DIR: fill DIR with a fresh copy of a minimal bookworm root (clean-root.sh) that
# also has systemd, dbus and python3 installed, for tests that boot it (systemd as PID 1 of a new
# PID namespace, see boot_root in services/lib.sh). Made once and cached as a tarball under
# $PYDEB_CACHE, like clean-root.sh; every call unpacks a new copy.
set -euo pipefail
dir=${1:?usage: systemd-root.sh DIR}
here=$(dirname "$0")
. "$here/../../cache-dir.sh"
tarball=$PYDEB_CACHE/debootstrap-bookworm-systemd.tar

make_root() {
    local work
    work=$(mktemp -d "$PYDEB_CACHE/.systemd-root-XXXXXX")
    # shellcheck disable=SC2064 # expand $work now
    trap "'$here/clean-root.sh' --remove '$work'" EXIT
    "$here/clean-root.sh" "$work/root"
    mount -t proc proc "$work/root/proc"
    chroot "$work/root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends systemd systemd-sysv dbus python3 \
        >"$work/log" 2>&1 || { tail -20 "$work/log" >&2; echo "systemd-root.sh: apt-get failed" >&2; exit 1; }
    chroot "$work/root" apt-get clean
    umount "$work/root/proc"
    tar -C "$work/root" --one-file-system -cf "$work/root.tar" .
    mv "$work/root.tar" "$tarball"
    "$here/clean-root.sh" --remove "$work"
    trap - EXIT
}

if [ ! -f "$tarball" ]; then
    exec 9>"$tarball.lock"
    flock 9
    [ -f "$tarball" ] || make_root
    flock -u 9
fi
mkdir -p "$dir"
tar -C "$dir" -xf "$tarball"
