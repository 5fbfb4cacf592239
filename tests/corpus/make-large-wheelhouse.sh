#!/bin/bash
# make-large-wheelhouse.sh DIR: a large application's wheelhouse in DIR (issue #17's "large app"):
# Django, SQLAlchemy, pandas, SciPy, openpyxl, boto3/botocore, cryptography, Celery, ansible-core,
# grpcio and the test corpus (Flask, requests, ...), with every python3-* package they depend on,
# repacked from Debian bookworm by repack_debs.py (the .debs cached beside the corpus's,
# tests/cache-dir.sh): 75 wheels of 14,262 files (20,891 in the package, with bytecode), and
# largeapp-1.0, a tiny top-level project that requires them all and has a console script,
# `largeapp`, that imports them. Used by bench/run.sh --app large.
# Needs apt-get download to work once; DIR is emptied of wheels first.
set -euo pipefail
dir=${1:?usage: make-large-wheelhouse.sh DIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=/usr/bin/python3
# shellcheck source=tests/cache-dir.sh
. "$root/tests/cache-dir.sh"
debs=$PYDEB_CACHE/debs

# Debian package names. The closure of the applications' python3-* Depends (apt-cache depends
# --recurse), less Debian's build tooling (python3-dev, -all, -distutils, -lib2to3, -pkg-resources).
# python3-pandas-lib and python3-cffi-backend are the arch-specific halves of pandas and cffi:
# repack_debs.py joins them to their project.
packages=(
    # the test corpus and the app of bench/run.sh
    python3-flask python3-jinja2 python3-markupsafe python3-werkzeug python3-itsdangerous python3-click
    python3-colorama python3-blinker python3-requests python3-urllib3 python3-idna python3-certifi
    python3-charset-normalizer python3-chardet python3-six python3-psycopg2 python3-yaml
    python3-numpy python3-lxml python3-psutil
    # the large applications
    python3-django python3-asgiref python3-sqlparse python3-tz
    python3-sqlalchemy python3-greenlet
    python3-pandas python3-pandas-lib python3-dateutil
    python3-scipy python3-pythran python3-beniget python3-gast python3-ply python3-decorator
    python3-openpyxl python3-et-xmlfile python3-jdcal python3-pygments
    python3-boto3 python3-botocore python3-s3transfer python3-jmespath
    python3-cryptography python3-cffi python3-cffi-backend python3-pycparser
    python3-celery python3-kombu python3-amqp python3-vine python3-billiard python3-click-didyoumean
    python3-click-plugins python3-click-repl python3-prompt-toolkit python3-wcwidth python3-anyjson
    python3-memcache python3-ephem python3-cached-property python3-importlib-metadata python3-zipp
    python3-more-itertools python3-typing-extensions
    ansible-core python3-packaging python3-pyparsing python3-resolvelib python3-paramiko python3-bcrypt
    python3-nacl python3-dnspython python3-netaddr python3-httplib2
    python3-grpcio python3-protobuf
)

mkdir -p "$dir" "$debs"
cached_deb() { find "$debs" -maxdepth 1 -name "${1}_*.deb" | sort -V | tail -n1; }
missing=()
for p in "${packages[@]}"; do [[ -n $(cached_deb "$p") ]] || missing+=("$p"); done
if ((${#missing[@]})); then
    echo "make-large-wheelhouse: downloading ${#missing[@]} packages" >&2
    if ! (cd "$debs" && apt-get download -q "${missing[@]}" >/dev/null 2>&1); then
        echo "make-large-wheelhouse: apt-get download failed; running apt-get update and retrying" >&2
        apt-get update -q >/dev/null
        (cd "$debs" && apt-get download -q "${missing[@]}" >/dev/null)
    fi
fi
files=()
for p in "${packages[@]}"; do
    f=$(cached_deb "$p")
    [[ -n $f ]] || { echo "make-large-wheelhouse: $p was not downloaded" >&2; exit 1; }
    files+=("$f")
done

find "$dir" -maxdepth 1 -name '*.whl' -delete
made=$("$python" "$here/repack_debs.py" "$dir" "${files[@]}")

# The top-level project: requires every repacked project by name (PEP 427 file names start with
# the escaped distribution name), so resolving it pulls the whole set.
# shellcheck disable=SC2086 # one wheel file name a word
"$python" "$here/large_app_wheel.py" "$dir" $made

# The set must be one pip can install: Debian's pip resolves largeapp offline to every wheel here
# (a repacked requirement no wheel meets fails here, not in the benchmark).
report=$(mktemp)
trap 'rm -f "$report"' EXIT
PIP_CONFIG_FILE=/dev/null "$python" -m pip install -q --disable-pip-version-check --dry-run --ignore-installed \
    --no-index --find-links "$dir" --report "$report" largeapp ||
    { echo "make-large-wheelhouse: pip cannot resolve largeapp from $dir" >&2; exit 1; }
"$python" - "$report" "$dir" <<'PY'
import glob, json, os, sys
wanted = len(json.load(open(sys.argv[1]))['install'])
wheels = len(glob.glob(os.path.join(sys.argv[2], '*.whl')))
if wanted != wheels:
    sys.exit(f'make-large-wheelhouse: pip installs {wanted} of the {wheels} wheels')
print(f'make-large-wheelhouse: pip resolves largeapp to all {wheels} wheels', file=sys.stderr)
PY
