#!/bin/bash
# systemd-rpm-macros.sh: prints the directory holding systemd's rpm macros (macros.systemd) and
# its systemd-update-helper, as systemd's build renders them (Fedora's paths). Debian ships
# neither: its rpm package has no macros.d/macros.systemd and its systemd binary package drops
# src/rpm/. They are taken from Debian's systemd source package (the version bookworm ships),
# fetched with apt-get source through a private apt configuration (the machine's sources.list is
# not touched), and cached under $PYDEB_CACHE.
set -euo pipefail
. "$(dirname "$0")/../../cache-dir.sh"
out=$PYDEB_CACHE/systemd-rpm-macros
if [ -f "$out/macros.systemd" ] && [ -f "$out/systemd-update-helper" ]; then
    echo "$out"
    exit 0
fi
exec 9>"$PYDEB_CACHE/systemd-rpm-macros.lock"
flock 9
work=$(mktemp -d "$PYDEB_CACHE/.systemd-src-XXXXXX")
# shellcheck disable=SC2064 # expand now
trap "rm -rf '$work'" EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial"
echo "deb-src ${PYDEB_DEBIAN_MIRROR:-http://deb.debian.org/debian} bookworm main" >"$work/sources.list"
cat >"$work/apt.conf" <<EOT
Dir::Etc::SourceList "$work/sources.list";
Dir::Etc::SourceParts "/nonexistent";
Dir::State::Lists "$work/lists";
Dir::Cache::Archives "$work/archives";
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT::Sandbox::User "root";
EOT
(cd "$work" && APT_CONFIG=$work/apt.conf apt-get update -q && APT_CONFIG=$work/apt.conf apt-get source --download-only -q systemd) \
    >"$work/log" 2>&1 || { tail -20 "$work/log" >&2; echo "systemd-rpm-macros.sh: apt-get source systemd failed" >&2; exit 1; }
tar -C "$work" -xf "$work"/systemd_*.orig.tar.gz --wildcards --strip-components=3 '*/src/rpm/macros.systemd.in' '*/src/rpm/systemd-update-helper.in'
# The values of systemd's meson build on an rpm distribution (systemd.pc on Fedora).
render() {
    sed -e 's|{{LIBEXECDIR}}|/usr/lib/systemd|g' -e 's|{{ROOTLIBEXECDIR}}|/usr/lib/systemd|g' \
        -e 's|{{SYSTEMD_UPDATE_HELPER_PATH}}|/usr/lib/systemd/systemd-update-helper|g' \
        -e 's|{{SYSTEM_DATA_UNIT_DIR}}|/usr/lib/systemd/system|g' \
        -e 's|{{USER_DATA_UNIT_DIR}}|/usr/lib/systemd/user|g' \
        -e 's|{{SYSUSERS_DIR}}|/usr/lib/sysusers.d|g' -e 's|{{TMPFILES_DIR}}|/usr/lib/tmpfiles.d|g' \
        -e 's|{{UPDATE_HELPER_USER_TIMEOUT}}|15s|g' -e 's|{{[A-Z_]*}}|/usr/lib/unused|g' "$1"
}
mkdir -p "$out.new"
render "$work/macros.systemd.in" >"$out.new/macros.systemd"
render "$work/systemd-update-helper.in" >"$out.new/systemd-update-helper"
chmod 0755 "$out.new/systemd-update-helper"
rm -rf "$out"
mv "$out.new" "$out"
echo "$out"
