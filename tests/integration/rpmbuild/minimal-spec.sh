#!/bin/bash
# %pydeb_install passes the .spec's tags (issue 16): a pydeb.yaml with only install: and
# entry-points: builds under rpmbuild -bb (--nodeps: Debian's rpmdb is empty), as a minimal
# debian/pydeb.yaml does under dh. The .spec's Name gives the venv's path (/opt/venvs/minrpm,
# which %pydeb_install checks against %{pydeb_prefix}); a Summary with quotes and a Packager that
# is not "Name <email>" pass through the shell and the spec checks. Then a pydeb.yaml that holds
# name: wins over %{name} (the venv moves to /opt/venvs/other, so %pydeb_install, whose
# %{pydeb_prefix} is /opt/venvs/minrpm, must refuse it).
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
install:
  requirements: ["chardet", "PyYAML"]
  wheelhouse: ["$PYDEB_CACHE/wheels"]
entry-points: [chardetect]
SPEC
cat >"$work/top/SPECS/minrpm.spec" <<'SPEC'
Name: minrpm
Version: 2.1
Release: 4
Summary: minimal "pydeb" app's summary, it's quoted
License: MIT
URL: https://example.com/minrpm
Packager: Build Team
Source0: pydeb.yaml

%description
A pydeb.yaml with only install: and entry-points:.

%install
%pydeb_install %{SOURCE0}

%files -f %{pydeb_filelist}
SPEC
rpmbuild_spec() {
    rpmbuild -bb --nodeps \
        --load "$src/rpm/macros.pydeb" --load "$src/rpm/fileattrs/pydeb.attr" \
        --define "_topdir $work/top" --define "_fileattrsdir $work/fileattrs" --define "__pydeb $PYDEB" \
        --define "__pydeb_requires $src/rpm/fileattrs/pydeb.req %{pydeb_requires_file}" \
        "$work/top/SPECS/minrpm.spec"
}
rpmbuild_spec >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "rpmbuild with a pydeb.yaml of only install: and entry-points:"; }
# (rpmbuild's trace shows the words unquoted)
grep -F -- "--default name=minrpm --default version=2.1 --default release=4 --default summary=minimal \"pydeb\" app's summary, it's quoted --default license=MIT --default homepage=https://example.com/minrpm --default maintainer=Build Team --root" \
    "$work/build.log" >/dev/null ||
    { grep -F -- 'install' "$work/build.log" | head -5; fail "%pydeb_install did not pass the .spec's tags"; }
rpm=$(ls "$work"/top/RPMS/*/minrpm-2.1-4.*.rpm)
rpm -qlp "$rpm" >"$work/files"
has '^/opt/venvs/minrpm/lib/python3\.[0-9]*/site-packages/chardet/' "$work/files" || fail "the venv is not at /opt/venvs/minrpm"
has -x '/usr/bin/chardetect' "$work/files" || fail "the chardetect entry point is not on PATH"
[ "$(rpm -qp --qf '%{SUMMARY}|%{LICENSE}|%{URL}' "$rpm")" = "minimal \"pydeb\" app's summary, it's quoted|MIT|https://example.com/minrpm" ] ||
    fail "the rpm header is not the .spec's"
rpm -K "$rpm" | has 'digests OK' || fail "rpm -K"
# %pydeb_install's SBOM is in %files -f, and rpmbuild marks it %doc (its %__docdir_path).
rpm -qp --docfiles "$rpm" | has -x /usr/share/doc/minrpm/minrpm.spdx.json || fail "the SBOM is not a %doc file"
rpm2cpio "$rpm" | (cd "$work" && cpio -idm --quiet ./usr/share/doc/minrpm/minrpm.spdx.json)
/usr/bin/python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["name"] == "minrpm 2.1-4 (x86_64 .rpm)", d["name"]' \
    "$work/usr/share/doc/minrpm/minrpm.spdx.json" || fail "the .rpm's SBOM"
pass "a pydeb.yaml with only install: and entry-points: builds under rpmbuild; the .spec's tags reach pydeb; its SBOM"

# pydeb.yaml wins over the .spec, as over debian/control under dh.
printf 'name: other\n' >>"$work/top/SOURCES/pydeb.yaml"
if rpmbuild_spec >"$work/build2.log" 2>&1; then
    fail "name: other in pydeb.yaml did not win over %{name}"
fi
has -F 'no virtualenv at /opt/venvs/minrpm' "$work/build2.log" || { tail -20 "$work/build2.log"; fail "the prefix check's message"; }
pass "a key pydeb.yaml holds wins over the .spec's tag (name: other moved the venv; %pydeb_install said so)"
