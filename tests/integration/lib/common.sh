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

# own_package_build COMMAND...: pydeb's own packages (debhelper-own-package, rpmbuild-own-package)
# test the packaging (debian/, rpm/pydeb.spec), not the code generation, which every other test
# checks on the release build. So both compile the same way: meson's plain build type with no
# compiler flags at all (dpkg-buildflags' values emptied with its DEB_<flag>_SET variables, which
# override the vendor's defaults and the hardening ones; rpmbuild on Debian exports none), and
# the compile commands of the two builds are identical. ccache also hashes the locale variables
# (LANG, LC_ALL, LC_CTYPE, LC_MESSAGES), and rpmbuild sets LANG=C: both builds get the C locale.
# One build at a time (a lock in the compiler cache): whichever comes second finds every object in
# ccache and only links.
# Without flags a compile takes about 40% of the CPU time of dpkg's "-g -O2" (src/pipeline/run.cpp:
# 4.7 s against 12.2 s).
own_package_build() {
    use_ccache "$work"
    unset CFLAGS CXXFLAGS CPPFLAGS LDFLAGS LC_CTYPE LC_MESSAGES
    export LANG=C LC_ALL=C
    export DEB_CFLAGS_SET="" DEB_CXXFLAGS_SET="" DEB_CPPFLAGS_SET="" DEB_LDFLAGS_SET=""
    flock "$CCACHE_DIR/own-package.lock" "$@"
}

# need TOOL PACKAGE: the test cannot check anything without TOOL; tests/install-deps.sh installs it.
need() {
    command -v "$1" >/dev/null || fail "$1 missing: apt-get install $2 (tests/install-deps.sh)"
}

# small_app_header: the name and description lines of the small pure-Python app (idna) that
# tests use where the app does not matter (the targets tests); the caller adds install: and the
# rest of its spec.
small_app_header() {
    printf '%s\n' 'name: small' 'version: "1.0"' 'summary: s' 'description: d' \
        'maintainer: Jane Doe <jane@example.com>' 'license: MIT'
}

# terminate_mid_write PID OUTPUT SCRATCH_GLOB: wait until the package writer PID has made its
# scratch file (SCRATCH_GLOB, beside OUTPUT: it is then streaming through the compressor), check
# that the package's and the scratch file's temporaries are what is there, send SIGTERM, and
# check that PID died of it and left nothing in OUTPUT's directory (deb-killed, rpm-killed).
terminate_mid_write() {
    local pid=$1 output=$2 glob=$3 dir scratch_file="" status=0
    dir=$(dirname "$output")
    for _ in $(seq 1 600); do
        scratch_file=$(find "$dir" -name "$glob" 2>/dev/null | head -1)
        [ -n "$scratch_file" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$scratch_file" ] || fail "the build never wrote $glob beside $output (or finished too early)"
    [ "$(find "$dir" -name ".$(basename "$output")*" | wc -l)" = 2 ] ||
        fail "expected the package's and the scratch file's temporaries: $(ls -A "$dir")"
    kill -TERM "$pid"
    wait "$pid" || status=$?
    [ "$status" = 143 ] || fail "expected the writer to die of SIGTERM (143), got $status"
    [ -z "$(ls -A "$dir")" ] || fail "left behind: $(ls -A "$dir")"
}
