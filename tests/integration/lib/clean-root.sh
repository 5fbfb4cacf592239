#!/bin/bash
# clean-root.sh DIR [RELEASE [PACKAGE...]]: fill DIR with a fresh copy of a minimal Debian root of
# RELEASE (default bookworm; debootstrap --variant=minbase, apt lists already fetched), for
# acceptance tests that install packages with apt and dpkg as on a clean machine. PACKAGEs are
# installed in it too (a root that boots: systemd systemd-sysv dbus), cached as their own root.
# clean-root.sh --remove DIR: unmount whatever is mounted below DIR (proc, a bind-mounted /dev)
# and delete it without crossing into another file system. Use it in the test's cleanup trap.
#
# The root is made once (about a minute) and cached as a tarball under $PYDEB_CACHE; every call
# unpacks a new copy, so tests never see each other's changes. Needs root and debootstrap.
# PYDEB_DEBIAN_MIRROR overrides the mirror (default: deb.debian.org).
# The .debs that apt downloads in a root are kept when the root is removed, in a pool per release
# ($PYDEB_CACHE/apt-archives/RELEASE), and every new root starts with them in its
# /var/cache/apt/archives (hard links), where apt takes a file whose hash matches its lists
# instead of downloading it: the tests' many installs of the same libraries ask the mirror once.
set -euo pipefail

remove_root() {
    local path=$1 mount
    [ -d "$path" ] || return 0
    path=$(realpath "$path")
    awk -v prefix="$path/" 'index($2, prefix) == 1 {print $2}' /proc/mounts | sort -r |
        while read -r mount; do
            umount -l "$mount" 2>/dev/null || echo "clean-root.sh: $mount was already unmounted" >&2
        done
    rm -rf --one-file-system "$path"
}

# keep_downloads DIR: every root's downloaded .debs below DIR into its release's pool.
keep_downloads() {
    local archives root release pool deb
    . "$(dirname "$0")/../../cache-dir.sh"
    while IFS= read -r archives; do
        root=${archives%/var/cache/apt/archives}
        release=$(sed -n 's/^VERSION_CODENAME=//p' "$root/etc/os-release" 2>/dev/null || :)
        [ -n "$release" ] || continue
        pool=$PYDEB_CACHE/apt-archives/$release
        mkdir -p "$pool"
        for deb in "$archives"/*.deb; do
            if [ -f "$deb" ] && [ ! -e "$pool/${deb##*/}" ]; then
                # whole files only: a copy under a temporary name, renamed
                if cp "$deb" "$pool/.${deb##*/}.$$"; then mv "$pool/.${deb##*/}.$$" "$pool/${deb##*/}"; fi
            fi
        done
    done < <(find "$1" -xdev -maxdepth 7 -type d -path '*/var/cache/apt/archives' 2>/dev/null)
}

if [ "${1:-}" = --remove ]; then
    keep_downloads "${2:?usage: clean-root.sh --remove DIR}"
    remove_root "$2"
    exit 0
fi

dir=${1:?usage: clean-root.sh DIR [RELEASE]}
release=${2:-bookworm}
shift $(($# < 2 ? $# : 2))
packages=("$@")
. "$(dirname "$0")/../../cache-dir.sh"
cache_dir=$PYDEB_CACHE
mirror=${PYDEB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
flavour=minbase${packages[*]:+-$(IFS=+; echo "${packages[*]}")}
tarball=$cache_dir/debootstrap-$release-$flavour.tar

make_root() {
    local work
    work=$(mktemp -d "$cache_dir/.debootstrap-XXXXXX")
    # shellcheck disable=SC2064 # expand $work now
    trap "remove_root '$work'" EXIT
    debootstrap --variant=minbase "$release" "$work/root" "$mirror" >"$work/log" 2>&1 || {
        tail -20 "$work/log" >&2
        echo "clean-root.sh: debootstrap failed (network? mirror $mirror)" >&2
        exit 1
    }
    # apt inside the root: its own sources and lists, so "apt-get install ./pkg.deb" resolves.
    echo "deb $mirror $release main" >"$work/root/etc/apt/sources.list"
    rm -f "$work/root/etc/apt/sources.list.d/debian.sources"
    # the host's resolver, when it has one (a host without /etc/resolv.conf resolves nothing anyway)
    if [ -f /etc/resolv.conf ]; then cp /etc/resolv.conf "$work/root/etc/resolv.conf"; fi
    chroot "$work/root" apt-get update -qq >"$work/log" 2>&1 || {
        tail -20 "$work/log" >&2
        echo "clean-root.sh: apt-get update in the new root failed" >&2
        exit 1
    }
    if [ ${#packages[@]} -gt 0 ]; then
        mount -t proc proc "$work/root/proc"
        chroot "$work/root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${packages[@]}" >"$work/log" 2>&1 ||
            { tail -20 "$work/log" >&2; echo "clean-root.sh: installing ${packages[*]} failed" >&2; exit 1; }
        chroot "$work/root" apt-get clean
        umount "$work/root/proc"
    fi
    tar -C "$work/root" --one-file-system -cf "$work/root.tar" .
    mv "$work/root.tar" "$tarball"
    remove_root "$work"
    trap - EXIT
}

mkdir -p "$cache_dir"
if [ ! -f "$tarball" ]; then
    # One builder at a time; the others wait for its tarball.
    exec 9>"$tarball.lock"
    flock 9
    [ -f "$tarball" ] || make_root
    flock -u 9
fi
mkdir -p "$dir"
tar -C "$dir" -xf "$tarball"
# (a speed-up only: a file that cannot be linked or copied is downloaded as before)
if [ -d "$cache_dir/apt-archives/$release" ]; then
    find "$cache_dir/apt-archives/$release" -maxdepth 1 -name '*.deb' \
        -exec cp -n -l -t "$dir/var/cache/apt/archives/" {} + 2>/dev/null ||
        find "$cache_dir/apt-archives/$release" -maxdepth 1 -name '*.deb' \
            -exec cp -n -t "$dir/var/cache/apt/archives/" {} + 2>/dev/null || :
fi
