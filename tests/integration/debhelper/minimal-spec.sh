#!/bin/bash
# dh mode needs only what debian/ does not say (issue 16): a source package whose
# debian/pydeb.yaml has no license, name, version or description, and whose relative paths
# (project: ., requirements-file, wheelhouse, files sources) are written against the source
# package root, builds with dpkg-buildpackage and the real pydeb (minimal-source.sh). Checks:
#  - the .deb has the project (built from the package root), PyYAML from requirements.txt, the
#    /usr/bin/minapp entry point, and /etc/minapp/minapp.conf as a conffile; lintian: no errors;
#  - the license comes from the DEP-5 debian/copyright ("Files: *" → Expat), and with a free-form
#    debian/copyright it is left out ("pydeb validate ... --debian-source .");
#  - standalone, the same spec resolves against its own directory (debian/) and says so.
# Needs: the corpus wheels (tests/corpus/make-wheel-corpus.sh).
# shellcheck source=SCRIPTDIR/lib.sh
. "$PYDEB_SOURCE_ROOT/tests/integration/debhelper/lib.sh"
. "$PYDEB_SOURCE_ROOT/tests/integration/debhelper/minimal-source.sh"

make_minimal_source "$work"
pkg=$work/minapp-1.0
(cd "$pkg" && PYDEB=$PYDEB dpkg-buildpackage -us -uc -b -d) >"$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log"; fail "dpkg-buildpackage of a minimal debian/pydeb.yaml (no license:, paths against the source root)"; }
deb=$(ls "$work"/minapp_1.0-1_*.deb)
dpkg-deb -c "$deb" >"$work/contents"
site='\./opt/venvs/minapp/lib/python3\.[0-9]*/site-packages'
has "$site/minapp/__init__\.py\$" "$work/contents" || fail "project: . did not build the package root's project"
has "$site/minapp-1\.0\.dist-info/" "$work/contents" || fail "the project's dist-info is missing"
has "$site/yaml/__init__\.py\$" "$work/contents" || fail "requirements-file: requirements.txt (PyYAML) was not installed"
has '\./usr/bin/minapp' "$work/contents" || fail "the minapp entry point is not on PATH"
has '\./etc/minapp/minapp\.conf$' "$work/contents" || fail "files: conf/minapp.conf was not installed"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | has -x /etc/minapp/minapp.conf ||
    fail "/etc/minapp/minapp.conf is not a conffile"
# dh_pydeb's SBOM, left uncompressed by dh_compress (the addon's -X.spdx.json), in md5sums.
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/minapp/minapp.spdx.json |
    /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); assert d["spdxVersion"] == "SPDX-2.3" and d["name"].startswith("minapp 1.0-1 ")' ||
    fail "no SPDX SBOM at /usr/share/doc/minapp/minapp.spdx.json"
dpkg-deb -I "$deb" md5sums | has ' usr/share/doc/minapp/minapp\.spdx\.json$' || fail "md5sums lacks the SBOM"
lintian --fail-on error "$deb" >"$work/lintian" 2>&1 || { cat "$work/lintian"; fail "lintian reports errors"; }
pass "a debian/pydeb.yaml without license: and with paths against the source root builds (with its SBOM)"

# The license: from DEP-5, else left out.
(cd "$pkg" && "$PYDEB" validate debian/pydeb.yaml --debian-source . --package minapp) >"$work/validate" 2>&1 ||
    { cat "$work/validate"; fail "pydeb validate --debian-source ."; }
has 'license Expat,' "$work/validate" || { cat "$work/validate"; fail "the license was not taken from the DEP-5 debian/copyright"; }
printf 'This package was debianized by Jane Doe.\n\nIt is licensed under the Expat license.\n' >"$pkg/debian/copyright"
(cd "$pkg" && "$PYDEB" validate debian/pydeb.yaml --debian-source . --package minapp) >"$work/validate" 2>&1 ||
    { cat "$work/validate"; fail "pydeb validate with a free-form debian/copyright"; }
has 'license not stated,' "$work/validate" || { cat "$work/validate"; fail "a free-form debian/copyright gave a license"; }
pass "license: Expat from the DEP-5 debian/copyright; left out with a free-form one"

# Standalone (pydeb build/validate without --debian-source): paths against the spec's directory.
if (cd "$pkg" && "$PYDEB" validate debian/pydeb.yaml) >"$work/standalone" 2>&1; then
    fail "standalone validate resolved debian/pydeb.yaml's paths against the source root"
fi
has "requirements-file: file not found: $pkg/debian/requirements.txt (relative paths are resolved against $pkg/debian, the spec's directory)" \
    "$work/standalone" || { cat "$work/standalone"; fail "standalone message"; }
pass "standalone, relative paths resolve against the spec's directory, and the message says so"
