#!/bin/bash
# A subset of a real Debian mirror, fetched once and kept in $PYDEB_CACHE: for each RELEASE, the
# signed dists/RELEASE/InRelease and the main/amd64 Packages.xz it lists (under by-hash/SHA256/,
# the plain name a link to it), byte for byte, so the archive's signature stays valid when a
# loopback nginx serves them; with --packages (for a mapping from the release's own data), also
# its main/Contents-amd64.gz and those packages' .debs in pool/. A Contents the archive does not
# serve with the SHA256 its signed Release lists (neither by hash nor at its plain path: a mirror
# out of step, as deb.debian.org's trixie was in late 2026) is left out, as on the archive, and
# remembered (CONTENTS.missing-SHA256) so the next run does not download it again.
#   debian-mirror.sh [--packages "PKG..."] RELEASE...
#                                  prints the mirror root (serve it as http://HOST:PORT/debian)
# The files come through apt's own downloader, checked against the SHA256 of the InRelease that
# gpgv verified against debian-archive-keyring (a .deb against its verified Packages entry).
set -euo pipefail
. "$(dirname "$0")/../../cache-dir.sh"
archive=${PYDEB_TEST_ARCHIVE:-http://deb.debian.org/debian}
mirror=$PYDEB_CACHE/debian-mirror
packages=
if [ "${1:-}" = --packages ]; then
    packages=$(tr -s ' \n' '  ' <<<"$2") # one line
    shift 2
fi
exec 9>"$mirror.lock"
mkdir -p "$mirror"
flock 9
for release in "$@"; do
    dists=$mirror/debian/dists/$release
    mkdir -p "$dists"
    fetch() { /usr/lib/apt/apt-helper download-file "$archive/dists/$release/$1" "$dists/$1" ${2:+"SHA256:$2"} >/dev/null 2>&1 ||
        { echo "debian-mirror.sh: cannot fetch $archive/dists/$release/$1" >&2; exit 1; }; }
    # The InRelease is fetched once: the indexes below are those it lists.
    if [ ! -f "$dists/InRelease" ]; then
        fetch InRelease
        gpgv --keyring /usr/share/keyrings/debian-archive-keyring.gpg "$dists/InRelease" 2>/dev/null ||
            { rm -f "$dists/InRelease"; echo "debian-mirror.sh: $release InRelease does not verify" >&2; exit 1; }
    fi
    for file in main/binary-amd64/Packages.xz ${packages:+main/Contents-amd64.gz}; do
        [ -e "$dists/$file" ] && continue
        sha=$(awk -v f="$file" '/^SHA256:/ {s = 1; next} /^[^ ]/ {s = 0} s && $3 == f {print $1}' "$dists/InRelease")
        [ -n "$sha" ] || { echo "debian-mirror.sh: $release InRelease lists no $file" >&2; exit 1; }
        # By hash, as apt does for an archive that says Acquire-By-Hash: yes (the plain path
        # may already hold the next version of the index while the mirror updates).
        byhash=$(dirname "$file")/by-hash/SHA256/$sha
        mkdir -p "$dists/$(dirname "$byhash")"
        if [[ $file == */Contents-* ]]; then
            [ -e "$dists/$file.missing-$sha" ] && continue
            if ! /usr/lib/apt/apt-helper download-file "$archive/dists/$release/$byhash" "$dists/$byhash" "SHA256:$sha" >/dev/null 2>&1 &&
                ! /usr/lib/apt/apt-helper download-file "$archive/dists/$release/$file" "$dists/$byhash" "SHA256:$sha" >/dev/null 2>&1; then
                echo "debian-mirror.sh: $archive/dists/$release/$file with the SHA256 $release's Release lists is not on the archive; left out" >&2
                rm -f "$dists/$byhash"
                touch "$dists/$file.missing-$sha"
                continue
            fi
        else
            fetch "$byhash" "$sha"
        fi
        ln -sfn "by-hash/SHA256/$sha" "$dists/$file"
    done
    [ -n "$packages" ] || continue
    # One pass over the Packages for every named package: "NAME FILENAME SHA256" lines.
    found=$(xzcat "$dists/main/binary-amd64/Packages.xz" | awk -v want=" $packages " '
        /^Package: / {n = $2} /^Filename: / {f = $2} /^SHA256: / {s = $2}
        /^$/ {if (index(want, " " n " ")) print n, f, s; n = ""}')
    for package in $packages; do
        read -r _ filename sha < <(awk -v p="$package" '$1 == p' <<<"$found") ||
            { echo "debian-mirror.sh: $release has no package $package" >&2; exit 1; }
        [ -e "$mirror/debian/$filename" ] && continue
        mkdir -p "$mirror/debian/$(dirname "$filename")"
        /usr/lib/apt/apt-helper download-file "$archive/$filename" "$mirror/debian/$filename" "SHA256:$sha" >/dev/null 2>&1 ||
            { echo "debian-mirror.sh: cannot fetch $archive/$filename" >&2; exit 1; }
    done
done
echo "$mirror"
