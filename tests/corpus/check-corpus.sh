#!/bin/bash
# Differential check of the wheel corpus against the real pip: every wheel has a RECORD that matches its
# members, and Debian's pip installs flask, requests, psycopg2 and PyYAML from the corpus alone into a fresh
# venv, where they import, their C extensions load, their console scripts exist and `pip check` is clean.
#
#   tests/corpus/check-corpus.sh [OUTDIR]    (makes the corpus first; needs python3-venv and libpq5)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../cache-dir.sh"
cache=$PYDEB_CACHE
outdir=${1:-$cache/wheels}
"$here/make-wheel-corpus.sh" "$outdir"

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# pip never verifies RECORD, so check it independently (binary distribution format spec).
/usr/bin/python3 "$here/verify_record.py" "$outdir"/*.whl || fail "a corpus wheel has a bad RECORD"
pass "RECORD of every corpus wheel lists every member with its sha256 and size"

work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-corpus-XXXXXX")
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 -m venv "$work/venv"
py=$work/venv/bin/python
"$py" -m pip install -q --disable-pip-version-check --no-index --find-links "$outdir" \
    flask requests psycopg2 PyYAML || fail "pip could not install from the corpus"
pass "pip installed flask requests psycopg2 PyYAML with --no-index"

"$py" - <<'EOF' || fail "imports in the venv"
import sys, flask, requests, psycopg2, yaml, markupsafe, jinja2, werkzeug, click, urllib3, charset_normalizer
venv = sys.prefix
for mod in (flask, requests, psycopg2, yaml, markupsafe):
    assert mod.__file__.startswith(venv), f'{mod.__name__} imported from {mod.__file__}, not the venv'
import psycopg2._psycopg, markupsafe._speedups  # the C extensions of the repacked cp311 wheels
assert yaml.__with_libyaml__ and yaml.CSafeLoader, 'PyYAML C extension (libyaml) did not load'
assert yaml.load('a: [1, 2]', Loader=yaml.CSafeLoader) == {'a': [1, 2]}
print('versions:', flask.__version__ if hasattr(flask, '__version__') else '?', requests.__version__,
      psycopg2.__version__, yaml.__version__)
EOF
pass "flask, requests, psycopg2 and yaml import from the venv, C extensions load"

for script in flask normalizer; do
    [[ -x $work/venv/bin/$script ]] || fail "console script $script missing (entry_points.txt)"
done
"$work/venv/bin/flask" --version | grep -c 'Flask 2' >/dev/null || fail "flask --version"
pass "console scripts flask and normalizer installed from entry_points.txt and run"

# Markers: click requires colorama only on Windows, requests wants chardet only with an extra.
installed=$("$py" -m pip list --disable-pip-version-check --format=freeze)
for absent in colorama chardet; do
    ! grep -qi "^$absent==" <<<"$installed" || fail "$absent installed although only a marker/extra asks for it"
done
"$py" -m pip check --disable-pip-version-check >/dev/null || fail "pip check found broken requirements"
pass "markers and extras honoured (no colorama, no chardet); pip check clean"
