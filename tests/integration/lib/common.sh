# Shared helpers for integration tests. Source it: . "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
set -euo pipefail

: "${PYDEB:?run through meson test, or set PYDEB to the built binary}"
: "${PYDEB_SOURCE_ROOT:?}"
: "${PYDEB_BUILD_ROOT:?}"

# Where slow-to-make fixtures live between runs (corpus wheels, debootstrap root), outside the tree.
. "$PYDEB_SOURCE_ROOT/tests/cache-dir.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# Everything a test makes lives under one directory, removed when the test script exits.
PYDEB_TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-it-XXXXXX")
trap 'rm -rf "$PYDEB_TEST_TMP"' EXIT

# A fresh scratch directory; safe inside "$(scratch)" (no trap is set in the subshell).
scratch() {
    mktemp -d "$PYDEB_TEST_TMP/s-XXXXXX"
}

# `producer | has PATTERN`: like grep -q, but reads all its input, so under pipefail a producer
# with long output (dpkg-deb -c, rpm -qlp) is not killed by SIGPIPE and taken for a failure.
has() {
    grep "$@" >/dev/null
}

# use_ccache DIR: compilers started below DIR (by dpkg-buildpackage or rpmbuild; meson runs a
# compiler through ccache when ccache is installed) share one compiler cache under $PYDEB_CACHE,
# so rebuilding pydeb from an unchanged copy of the tree costs links, not compiles. The copy's
# path changes every run: paths under DIR are hashed relative to it, and the working directory
# is not hashed (debug info may then name another run's directory). debhelper points HOME at a
# fresh directory, so ccache's default cache would start empty every time.
use_ccache() {
    need ccache ccache
    export CCACHE_DIR=$PYDEB_CACHE/ccache CCACHE_BASEDIR=$1 CCACHE_NOHASHDIR=true
    export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-2G}
    mkdir -p "$CCACHE_DIR"
}

# need TOOL PACKAGE: the test cannot check anything without TOOL; tests/install-deps.sh installs it.
need() {
    command -v "$1" >/dev/null || fail "$1 missing: apt-get install $2 (tests/install-deps.sh)"
}
