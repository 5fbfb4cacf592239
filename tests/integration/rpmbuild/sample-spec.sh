#!/bin/bash
# End to end with the real pydeb: a sample .spec using %pydeb_install and
# "%files -f %{pydeb_filelist}" builds with rpmbuild -bb (--nodeps: Debian's rpmdb is empty);
# the rpm has the venv, the soname Requires pydeb mapped (libpq.so.5 for psycopg2), no
# python3dist() Requires or Provides (python(abi) = X.Y is pydeb's own interpreter Requires), and rpm -K passes.
# Needs the corpus wheels (tests/corpus/make-wheel-corpus.sh).
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-it-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
src=$PYDEB_SOURCE_ROOT
"$src/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >"$work/corpus.log" 2>&1 ||
    { tail -20 "$work/corpus.log"; fail "make-wheel-corpus.sh"; }

mkdir -p "$work/fileattrs" "$work/top/SOURCES" "$work/top/SPECS"
ln -s /usr/lib/rpm/fileattrs/*.attr "$work/fileattrs/"
ln -s "$src/rpm/fileattrs/pydeb.attr" "$work/fileattrs/pydeb.attr"
cat >"$work/top/SOURCES/pydeb.yaml" <<SPEC
name: sampleapp
version: "1.0"
summary: sample application in a pydeb virtualenv
description: A sample application bundled in its own virtualenv by pydeb.
maintainer: Jane Doe <jane@example.com>
license: MIT
install:
  requirements: ["psycopg2", "PyYAML"]
  wheelhouse: ["$PYDEB_CACHE/wheels"]
SPEC
cat >"$work/top/SPECS/sampleapp.spec" <<'SPEC'
Name: sampleapp
Version: 1.0
Release: 1
Summary: sample application in a pydeb virtualenv
License: MIT
Source0: pydeb.yaml

%description
Talks to PostgreSQL through psycopg2 and reads YAML with PyYAML.

%install
%pydeb_install %{SOURCE0}

%files -f %{pydeb_filelist}
SPEC
rpmbuild -bb --nodeps \
    --load "$src/rpm/macros.pydeb" --load "$src/rpm/fileattrs/pydeb.attr" \
    --define "_topdir $work/top" --define "_fileattrsdir $work/fileattrs" --define "__pydeb $PYDEB" \
    --define "__pydeb_requires $src/rpm/fileattrs/pydeb.req %{pydeb_requires_file}" \
    "$work/top/SPECS/sampleapp.spec" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "rpmbuild"; }
rpm=$(ls "$work"/top/RPMS/*/sampleapp-1.0-1.*.rpm)
rpm -qp --requires "$rpm" | tee "$work/requires"
grep -q '^libpq\.so\.5()(64bit)' "$work/requires" || fail "the rpm lacks libpq.so.5()(64bit)"
! grep -E 'python3(\.[0-9]+)?dist\(' "$work/requires" || fail "python3dist() Requires leaked"
grep -qx 'python(abi) = 3.11' "$work/requires" || fail "the interpreter's python(abi) Requires is missing"
! rpm -qp --provides "$rpm" | grep -E 'dist\(|\.so' || fail "Provides leaked from the venv"
rpm -qlp "$rpm" | has '^/opt/venvs/sampleapp/lib/python3\.[0-9]*/site-packages/psycopg2/' || fail "the venv is not in the rpm"
rpm -K "$rpm" | has 'digests OK' || fail "rpm -K"
pass "sample .spec with %pydeb_install: venv, soname Requires, no python3dist(), rpm -K"
