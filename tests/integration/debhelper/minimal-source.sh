#!/bin/bash
# Sourced by minimal-spec.sh and nondeterminism.sh: make_minimal_source DIR writes a Debian source
# package, DIR/minapp-1.0, whose upstream project sits at the package root (pyproject.toml,
# setup.cfg, src/minapp/, requirements.txt, conf/, a wheels -> corpus link), and whose
# debian/pydeb.yaml is as short as dh mode allows: no name, version, license or description
# (debian/control, debian/changelog and the DEP-5 debian/copyright say them) and relative paths
# written against the source package root, as in every debhelper file:
#   install: {project: ., requirements-file: requirements.txt, wheelhouse: wheels}
#   entry-points: [minapp]
#   files: [{source: conf/minapp.conf, dest: /etc/minapp/minapp.conf, config: true}]
# The project ships src/minapp/data/table.gz, a gzip member with a file name and an mtime in its
# header: bait for dh_strip_nondeterminism, which rewrites such headers.
make_minimal_source() {
    local pkg=$1/minapp-1.0
    mkdir -p "$pkg/debian/source" "$pkg/src/minapp/data" "$pkg/conf"
    cat >"$pkg/debian/control" <<'CONTROL'
Source: minapp
Section: misc
Priority: optional
Maintainer: Jane Doe <jane@example.com>
Build-Depends: debhelper-compat (= 13), dh-sequence-pydeb
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: minapp
Architecture: any
Depends: ${pydeb:Depends}, ${shlibs:Depends}, ${misc:Depends}
Description: minimal pydeb application under dh
 Reads YAML with PyYAML, from its own virtualenv under /opt/venvs/minapp.
CONTROL
    cat >"$pkg/debian/changelog" <<'CHANGELOG'
minapp (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.com>  Sun, 22 Nov 2026 04:00:00 +0000
CHANGELOG
    printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n' >"$pkg/debian/rules"
    chmod 0755 "$pkg/debian/rules"
    echo '3.0 (native)' >"$pkg/debian/source/format"
    cat >"$pkg/debian/copyright" <<'COPYRIGHT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: minapp

Files: *
Copyright: 2026 Jane Doe
License: Expat
 Permission is hereby granted, free of charge, ...
COPYRIGHT
    printf '%s\n' 'minapp: dir-or-file-in-opt' 'minapp: package-installs-python-pycache-dir' \
        >"$pkg/debian/minapp.lintian-overrides"
    cat >"$pkg/debian/pydeb.yaml" <<'SPEC'
install:
  project: .
  requirements-file: requirements.txt
  wheelhouse: wheels
entry-points: [minapp]
files:
  - {source: conf/minapp.conf, dest: /etc/minapp/minapp.conf, config: true}
SPEC
    # The upstream project, at the package root.
    cat >"$pkg/pyproject.toml" <<'TOML'
[build-system]
requires = ["setuptools>=61", "wheel"]
build-backend = "setuptools.build_meta"
TOML
    cat >"$pkg/setup.cfg" <<'CFG'
[metadata]
name = minapp
version = 1.0

[options]
package_dir =
    = src
packages = minapp
install_requires = PyYAML
include_package_data = False

[options.package_data]
minapp = data/*.gz

[options.entry_points]
console_scripts =
    minapp = minapp:main
CFG
    cat >"$pkg/src/minapp/__init__.py" <<'PY'
import gzip, os, yaml

def main():
    with gzip.open(os.path.join(os.path.dirname(__file__), "data", "table.gz"), "rt") as f:
        print(yaml.safe_load(f)["greeting"])
PY
    printf 'greeting: hello from minapp\n' >"$pkg/table"
    touch -d '2001-02-03 04:05:06 UTC' "$pkg/table"
    gzip -9 -c "$pkg/table" >"$pkg/src/minapp/data/table.gz" # header: name "table", mtime 2001
    rm "$pkg/table"
    echo 'PyYAML' >"$pkg/requirements.txt"
    printf 'greeting = hello\n' >"$pkg/conf/minapp.conf"
    ln -s "$PYDEB_CACHE/wheels" "$pkg/wheels"
}
