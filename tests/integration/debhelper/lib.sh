# Shared setup of the dh tests that run the real pydeb (source it): common.sh, a work directory
# removed on exit, the corpus wheels, and debhelper pointed at this tree's sequence addon, dh_pydeb
# and autoscripts (dh-sequence-pydeb is not an installed package on the build host). Sets $work
# and $src.
# shellcheck shell=bash
# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-it-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
src=$PYDEB_SOURCE_ROOT
"$src/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >"$work/corpus.log" 2>&1 ||
    { tail -20 "$work/corpus.log"; fail "make-wheel-corpus.sh"; }
export PERL5LIB=$src/debhelper/lib${PERL5LIB:+:$PERL5LIB}
export PATH=$src/debhelper:$PATH
export DH_AUTOSCRIPTDIR=$src/templates/deb
