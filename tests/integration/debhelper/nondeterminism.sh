#!/bin/bash
# Under dh, dh_strip_nondeterminism skips pydeb's venv (issue 16): the sequence addon passes it
# -X PREFIX/ for each package with a spec. The project of minimal-source.sh ships a gzip file
# whose header has a name and a 2001 mtime, which dh_strip_nondeterminism normalizes wherever it
# looks. Checks, with the real pydeb and dpkg-buildpackage (DH_VERBOSE=1):
#  - dh_strip_nondeterminism ran, with -X/opt/venvs/minapp/, and normalized nothing in the venv;
#  - the .deb's table.gz is the wheel's bytes: its sha256 is the one the venv's RECORD lists;
#  - the build is reproducible without it: a second build, from a copy at another path, gives a
#    byte-identical .deb.
# Needs: the corpus wheels (tests/corpus/make-wheel-corpus.sh).
# shellcheck source=SCRIPTDIR/lib.sh
. "$PYDEB_SOURCE_ROOT/tests/integration/debhelper/lib.sh"
. "$PYDEB_SOURCE_ROOT/tests/integration/debhelper/minimal-source.sh"
mkdir -p "$work/a" "$work/b"
make_minimal_source "$work/a"
cp -a "$work/a/minapp-1.0" "$work/b/"

build() { # DIR
    (cd "$1/minapp-1.0" && DH_VERBOSE=1 PYDEB=$PYDEB XDG_CACHE_HOME=$1/cache dpkg-buildpackage -us -uc -b -d) \
        >"$1/build.log" 2>&1 || { tail -40 "$1/build.log"; fail "dpkg-buildpackage in $1"; }
}
build "$work/a"
log=$work/a/build.log
grep -E '^\s*dh_strip_nondeterminism' "$log" >"$work/dhsn" || { grep -n 'dh_' "$log" | head -40; fail "dh_strip_nondeterminism did not run"; }
cat "$work/dhsn"
! grep -E 'Normaliz(ed|ing) .*/opt/venvs/minapp/' "$log" || fail "dh_strip_nondeterminism normalized files in the venv"

deb=$(ls "$work"/a/minapp_1.0-1_*.deb)
mkdir "$work/x"
dpkg-deb -x "$deb" "$work/x"
table=$(cd "$work/x" && ls opt/venvs/minapp/lib/python3.*/site-packages/minapp/data/table.gz)
cmp "$work/x/$table" "$work/a/minapp-1.0/src/minapp/data/table.gz" ||
    fail "table.gz in the .deb is not the project's bytes (dh_strip_nondeterminism rewrote it)"
record=$(ls "$work"/x/opt/venvs/minapp/lib/python3.*/site-packages/minapp-1.0.dist-info/RECORD)
want=$(grep '^minapp/data/table.gz,' "$record" | cut -d, -f2)
got=sha256=$(python3 -c 'import base64, hashlib, sys; print(base64.urlsafe_b64encode(hashlib.sha256(open(sys.argv[1], "rb").read()).digest()).rstrip(b"=").decode())' "$work/x/$table")
[ "$want" = "$got" ] || fail "table.gz no longer matches the venv's RECORD ($want vs $got)"
has -e '-X/opt/venvs/minapp/' "$work/dhsn" || fail "dh_strip_nondeterminism was not told to skip the venv (-X/opt/venvs/minapp/)"
pass "dh_strip_nondeterminism ran with -X/opt/venvs/minapp/ and left the venv alone; RECORD still matches"

build "$work/b"
deb_b=$(ls "$work"/b/minapp_1.0-1_*.deb)
cmp "$deb" "$deb_b" || {
    # Only shows the difference before failing: diffoscope's status is not the check.
    diffoscope "$deb" "$deb_b" 2>/dev/null | head -40 || echo "(diffoscope exited $?)"
    fail "two builds from different paths differ"
}
pass "reproducible: two dpkg-buildpackage runs from different paths give the same .deb ($(stat -c %s "$deb") bytes)"
