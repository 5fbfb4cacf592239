#!/bin/bash
# Issue 20, "full disks and read-only places", on real mounts in a private mount namespace
# (unshare -m): tmpfs file systems of a few hundred KiB, read-only bind mounts.
#  - output on a full file system: exit non-zero, the error names the package and says "no space",
#    and nothing at all is left in the output directory (not even a hidden temporary);
#  - cache on a read-only file system (a warm cache, bind-mounted read-only) and on a full one
#    (filled before the build; and one with room for the check only, which fills up during the
#    build): the build succeeds, warns when it cannot write the cache, and its packages are
#    byte-identical (cmp) to a --no-cache build;
#  - a read-only project tree, and one holding the build's TMPDIR: the build succeeds,
#    byte-identical.
if [[ -z ${PYDEB_MOUNT_NAMESPACE:-} ]]; then
    exec unshare --mount --propagation private env PYDEB_MOUNT_NAMESPACE=1 bash "$0" "$@"
fi
. "$PYDEB_SOURCE_ROOT/tests/integration/harden/lib.sh"
work=$(scratch)
hello_project "$work/hello"
# The mounts go before the test's directory is removed (common.sh's trap), innermost first.
unmount_all() {
    local target
    for target in $(findmnt -rn -o TARGET | grep -F "$work/" | sort -r); do
        umount -l "$target"
    done
    rm -rf "$PYDEB_TEST_TMP"
}
trap unmount_all EXIT
mkdir "$work/mnt"
hello_build "$work/hello" "$work/reference" --no-cache || { cat "$work/reference.log"; fail "reference build"; }

# read_only DIR: DIR becomes a read-only bind mount of itself.
read_only() {
    mount --bind "$1" "$1"
    mount -o remount,bind,ro "$1"
    if touch "$1/.probe" 2>/dev/null; then fail "$1 is still writable"; fi
}
# tmpfs DIR SIZE: a tmpfs of SIZE at DIR.
tmpfs() {
    mkdir -p "$1"
    mount -t tmpfs -o "size=$2" tmpfs "$1"
}
# cached_build NAME CACHE WARNING: a build with XDG_CACHE_HOME=CACHE into $work/NAME succeeds,
# identical to the reference; its log has a cache warning when WARNING is "warns".
cached_build() {
    XDG_CACHE_HOME=$2 hello_build "$work/hello" "$work/$1" || { cat "$work/$1.log"; fail "$1: build failed"; }
    same_packages "$work/reference" "$work/$1"
    if [[ $3 == warns ]]; then
        has -F "warning: cannot write pydeb's cache ($2/pydeb: " "$work/$1.log" ||
            { cat "$work/$1.log"; fail "$1: no warning about the cache"; }
    fi
}

tmpfs "$work/mnt/full-out" 256k
if XDG_CACHE_HOME=$work/cache-1 hello_build "$work/hello" "$work/mnt/full-out"; then
    fail "a build into a full file system succeeded"
fi
has -F "$work/mnt/full-out/hello_1.0-1_amd64.deb: no space left on the output's file system" "$work/mnt/full-out.log" ||
    { cat "$work/mnt/full-out.log"; fail "no clear 'no space' error"; }
[[ -z $(ls -A "$work/mnt/full-out") ]] || fail "left in the full output directory: $(ls -A "$work/mnt/full-out")"
pass "output on a full file system: a 'no space' error naming the package, nothing left there"

cached_build warm "$work/mnt/cache" quiet # fills the cache
read_only "$work/mnt/cache"
cached_build ro-cache "$work/mnt/cache" warns
pass "a warm cache on a read-only file system: the build succeeds, warns, identical packages"

tmpfs "$work/mnt/full-cache" 256k
dd if=/dev/zero of="$work/mnt/full-cache/filler" bs=4k 2>/dev/null && fail "dd filled no file system"
cached_build full-cache "$work/mnt/full-cache" warns
tmpfs "$work/mnt/small-cache" 512k
cached_build small-cache "$work/mnt/small-cache" quiet
[[ -n $(ls -A "$work/mnt/small-cache/pydeb") ]] || fail "nothing was written to the small cache"
pass "a cache on a full file system, or one that fills up during the build: the build succeeds, identical packages"

mkdir "$work/hello/tmp" # TMPDIR inside the project, as CI systems set it: the copy leaves itself out
TMPDIR=$work/hello/tmp cached_build tmp-inside "$work/cache-2" quiet
rmdir "$work/hello/tmp"
pass "TMPDIR inside the project tree: identical packages"

read_only "$work/hello"
cached_build ro-project "$work/cache-2" quiet
pass "a read-only project tree builds, identical packages"
