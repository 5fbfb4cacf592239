#!/bin/bash
# Issue #19, Done-when 4: a PEP 621 project packages with a pydeb.yaml that holds only `install:`
# (name, version, summary, readme, license, maintainer, homepage and scripts from pyproject.toml,
# read by dpkg-deb -f / -c from the .deb); a dynamic version comes from the built wheel; `pydeb
# init` writes a starter spec that `pydeb validate` accepts; a spec key still overrides.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
WH="$PYDEB_CACHE/wheels"
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$WH" >/dev/null
work=$(scratch)
export XDG_CACHE_HOME=$work/cache

project() { # DIR VERSION-LINE [MORE-TOML]
    mkdir -p "$1/src/ppapp"
    cat >"$1/pyproject.toml" <<TOML
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "PP_App"
$2
description = "A PEP 621 app"
readme = "README.md"
license = {text = "MIT"}
authors = [{name = "Ann Author", email = "ann@example.com"}]
maintainers = [{email = "only-an-email@example.com"}, {name = "Max Maint", email = "max@example.com"}]
dependencies = ["click"]
[project.urls]
Homepage = "https://pp.example.com"
[project.scripts]
pp-app = "ppapp:main"
${3:-}
TOML
    printf 'PP app\n\nIt does things.\n' >"$1/README.md"
    printf '__version__ = "3.0.1"\ndef main():\n    print("pp")\n' >"$1/src/ppapp/__init__.py"
}

project "$work/static" 'version = "2.1.0"'
(cd "$work/static" && "$PYDEB" init) >"$work/init.out" || fail "pydeb init"
grep -qx '# name: "pp-app"   # project.name' "$work/static/pydeb.yaml" || fail "init: $(cat "$work/static/pydeb.yaml")"
"$PYDEB" validate "$work/static/pydeb.yaml" >"$work/validate.out" || fail "the spec pydeb init wrote does not validate"
grep -q 'pp-app 2.1.0-1, license MIT' "$work/validate.out" || fail "validate: $(cat "$work/validate.out")"
if "$PYDEB" init "$work/static" 2>"$work/init2.err"; then fail "init overwrote an existing pydeb.yaml"; fi
pass "pydeb init writes a spec that validates, and never overwrites one"

printf 'install:\n  project: .\n  wheelhouse: %s\n' "$WH" >"$work/static/pydeb.yaml"
"$PYDEB" -q build "$work/static/pydeb.yaml" --format deb -o "$work/out" >/dev/null || fail "pydeb build of the PEP 621 project"
deb=$work/out/pp-app_2.1.0-1_amd64.deb
[ "$(dpkg-deb -f "$deb" Package Version Maintainer Homepage)" = "Package: pp-app
Version: 2.1.0-1
Maintainer: Max Maint <max@example.com>
Homepage: https://pp.example.com" ] || fail "control fields: $(dpkg-deb -f "$deb")"
[ "$(dpkg-deb -f "$deb" Description)" = "A PEP 621 app
 PP app
 .
 It does things." ] || fail "Description: $(dpkg-deb -f "$deb" Description)"
dpkg-deb -c "$deb" | has ' ./usr/bin/pp-app -> /opt/venvs/pp-app/bin/pp-app$' || fail "project.scripts not linked into /usr/bin"
pass "a spec holding only install: packages the PEP 621 metadata ($(dpkg-deb -f "$deb" Package Version | tr '\n' ' '))"

project "$work/dynamic" 'dynamic = ["version"]' '[tool.setuptools.dynamic]
version = {attr = "ppapp.__version__"}'
printf 'summary: Overridden\ninstall:\n  project: .\n  wheelhouse: %s\n' "$WH" >"$work/dynamic/pydeb.yaml"
"$PYDEB" -q build "$work/dynamic/pydeb.yaml" --format deb -o "$work/out2" >/dev/null || fail "pydeb build with a dynamic version"
deb=$work/out2/pp-app_3.0.1-1_amd64.deb
[ -f "$deb" ] || fail "no .deb with the wheel's version 3.0.1: $(ls "$work/out2")"
[ "$(dpkg-deb -f "$deb" Description | sed -n 1p)" = Overridden ] || fail "the spec's summary did not override"
pass "a dynamic version comes from the built wheel's METADATA; a spec key overrides pyproject.toml"
