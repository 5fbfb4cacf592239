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

# need TOOL PACKAGE: the test cannot check anything without TOOL; tests/install-deps.sh installs it.
need() {
    command -v "$1" >/dev/null || fail "$1 missing: apt-get install $2 (tests/install-deps.sh)"
}
