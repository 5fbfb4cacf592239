#!/bin/bash
# Installs everything pydeb needs to build and to run its whole test suite on Debian bookworm.
# Idempotent: apt-get skips what is already installed.
set -euo pipefail

packages=(
    # build
    meson ninja-build pkg-config g++ cmake python3
    libarchive-dev libsolv-dev libsolvext-dev librpm-dev libyaml-cpp-dev
    libboost-dev libboost-filesystem-dev doctest-dev libssl-dev libelf-dev libcli11-dev libzstd-dev liblzma-dev libgpgme-dev libcurl4-openssl-dev libxxhash-dev
    nlohmann-json3-dev libtomlplusplus-dev
    # making wheels and test fixtures
    python3-pip python3-setuptools python3-wheel python3-venv python3-dev zlib1g-dev
    python3-pip-whl python3-setuptools-whl python3-wheel-whl python3-packaging libpq5 libyaml-0-2 binutils
    # the real tools pydeb's output is checked with
    # (rpm also holds rpmsign, which signs with gpg; debsig-verify checks signed .debs)
    dpkg-dev lintian debootstrap rpm gpg gpg-agent debsig-verify rpmlint createrepo-c zstd xz-utils lz4 bzip2 cpio diffoscope-minimal shellcheck strace
    # services: systemctl --root and systemd-sysusers on the host; unshare/nsenter boot a root
    systemd util-linux
    # script(1) runs a build on a terminal; bash-completion loads the completion script
    # (tests/integration/core/cli.sh)
    bsdutils bash-completion
    # a real HTTP server on loopback (tests/integration/lib/loopback-nginx.sh), openssl for its htpasswd
    nginx-light openssl
    # the sandbox sdist builds run in (install.sdist-sandbox: bwrap; tests/integration/sources/sdist.sh)
    bubblewrap
    # targets: (tests/integration/targets): verifying a release's InRelease as apt does
    gpgv debian-archive-keyring
    # which files of a package are ELF objects (tests/integration/targets/targets-clean-root.sh)
    file
    # xxhsum: the oracle for cache entry checksums (tests/unit/util/test_hash.cpp)
    xxhash
    # the SBOM's checks: SPDX 2.3 JSON schema validation, SPDX license expressions
    python3-jsonschema python3-license-expression
    # the benchmark's competitors and plot (bench/run.sh)
    dh-virtualenv time python3-matplotlib unzip bc libblas3 liblapack3 libxml2 libxslt1.1
    # pydeb's own packaging and the debhelper / rpmbuild integrations
    # (ccache: the own-package tests rebuild pydeb through it)
    debhelper devscripts fakeroot man-db groff-base ccache
    # the fuzz targets and the sanitizer run (tests/fuzz/run.sh): libFuzzer needs clang, and
    # bookworm's default clang 14 cannot compile libstdc++ 12's <expected>; clang 19 can
    clang-19 libclang-rt-19-dev llvm-19
)

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
