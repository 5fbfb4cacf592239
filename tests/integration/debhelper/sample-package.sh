#!/bin/bash
# End to end with the real pydeb: a sample Debian source package (debhelper-compat 13,
# Build-Depends: dh-sequence-pydeb, debian/rules of just "dh $@", debian/pydeb.yaml naming only
# what debian/control and debian/changelog do not say) builds with dpkg-buildpackage; its .deb
# has the venv and ${pydeb:Depends} filled (libpq5 for psycopg2's extension), lintian reports no
# errors, and it installs with apt and imports psycopg2 and yaml in a clean bookworm root.
# Needs: the corpus wheels (tests/corpus/make-wheel-corpus.sh), debootstrap, network for apt.
# shellcheck source=SCRIPTDIR/lib.sh
. "$PYDEB_SOURCE_ROOT/tests/integration/debhelper/lib.sh"

pkg=$work/sampleapp-1.0
mkdir -p "$pkg/debian/source"
cat >"$pkg/debian/control" <<'CONTROL'
Source: sampleapp
Section: misc
Priority: optional
Maintainer: Jane Doe <jane@example.com>
Build-Depends: debhelper-compat (= 13), dh-sequence-pydeb
Standards-Version: 4.6.2
Homepage: https://example.com/sampleapp
Rules-Requires-Root: no

Package: sampleapp
Architecture: any
Depends: ${pydeb:Depends}, ${shlibs:Depends}, ${misc:Depends}
Description: sample application in a pydeb virtualenv
 Talks to PostgreSQL through psycopg2 and reads YAML with PyYAML, from its own
 virtualenv under /opt/venvs/sampleapp.
CONTROL
cat >"$pkg/debian/changelog" <<'CHANGELOG'
sampleapp (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.com>  Sun, 22 Nov 2026 04:00:00 +0000
CHANGELOG
printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n' >"$pkg/debian/rules"
chmod 0755 "$pkg/debian/rules"
echo '3.0 (native)' >"$pkg/debian/source/format"
cat >"$pkg/debian/copyright" <<'COPYRIGHT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

Files: *
Copyright: 2026 Jane Doe
License: MIT
COPYRIGHT
# The venv lives under /opt on purpose (pydeb's default, as dh-virtualenv's).
# The same overrides, with the same reasons, that pydeb's native .deb writer ships: the venv is an
# add-on under /opt (FHS 3.13), and bytecode: build ships .pyc compiled for its own interpreter.
printf '%s\n' 'sampleapp: dir-or-file-in-opt' 'sampleapp: package-installs-python-pycache-dir' \
    >"$pkg/debian/sampleapp.lintian-overrides"
cat >"$pkg/debian/pydeb.yaml" <<SPEC
license: MIT
install:
  requirements: ["psycopg2", "PyYAML"]
  wheelhouse: ["$PYDEB_CACHE/wheels"]
SPEC

(cd "$pkg" && PYDEB=$PYDEB dpkg-buildpackage -us -uc -b -d) >"$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log"; fail "dpkg-buildpackage of the sample package"; }
deb=$(ls "$work"/sampleapp_1.0-1_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
case "$depends" in *libpq5*) ;; *) fail "\${pydeb:Depends} lacks libpq5 (psycopg2's _psycopg needs libpq.so.5)" ;; esac
dpkg-deb -c "$deb" | has '\./opt/venvs/sampleapp/lib/python3\.[0-9]*/site-packages/psycopg2/' ||
    fail "the venv is not in the .deb"
lintian --fail-on error "$deb" >"$work/lintian" 2>&1 ||
    { cat "$work/lintian"; fail "lintian reports errors"; }
pass "sample package built; Depends: $depends; lintian: no errors"

root=$work/root
bash "$src/tests/integration/lib/clean-root.sh" "$root"
cp "$deb" "$root/tmp/"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/${deb##*/}" \
    >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get install in a clean root"; }
chroot "$root" /opt/venvs/sampleapp/bin/python -c 'import psycopg2, yaml; print(psycopg2.__version__, yaml.__version__)' ||
    fail "the venv does not run in the clean root"
chroot "$root" dpkg --purge sampleapp >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg --purge"; }
[ ! -e "$root/opt/venvs/sampleapp" ] || fail "purge left /opt/venvs/sampleapp behind"
pass "installs, runs and purges cleanly in a clean bookworm root"
