#!/bin/bash
# make-app-wheelhouse.sh DIR: the evaluation-style application's wheelhouse in DIR: the test
# corpus (Flask, requests, PyYAML, psycopg2, six, ...), numpy, lxml and psutil repacked the same
# way from Debian's python3-* packages (cached beside the corpus's .debs), and examples/hello's
# own wheel, built offline from a copy so the source tree gets no build/ or egg-info.
# Used by bench/run.sh and the bundled-interpreter tests. Needs apt-get download to work once.
set -euo pipefail
dir=${1:?usage: make-app-wheelhouse.sh DIR}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
python=/usr/bin/python3
# shellcheck source=tests/cache-dir.sh
. "$root/tests/cache-dir.sh"
corpus_cache=$PYDEB_CACHE
"$root/tests/corpus/make-wheel-corpus.sh" >/dev/null
mkdir -p "$dir" "$corpus_cache/debs"
cp "$corpus_cache"/wheels/*.whl "$dir/"
debs=(python3-numpy python3-lxml python3-psutil)
missing=()
for p in "${debs[@]}"; do compgen -G "$corpus_cache/debs/${p}_*.deb" >/dev/null || missing+=("$p"); done
if ((${#missing[@]})); then
    (cd "$corpus_cache/debs" && apt-get download -q "${missing[@]}") >&2 ||
        { echo "make-app-wheelhouse.sh: apt-get download ${missing[*]} failed" >&2; exit 1; }
fi
files=()
for p in "${debs[@]}"; do files+=("$(find "$corpus_cache/debs" -maxdepth 1 -name "${p}_*.deb" | sort -V | tail -n1)"); done
"$python" "$root/tests/corpus/repack_debs.py" "$dir" "${files[@]}" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/hello" "$work/hello-src"
rm -rf "$work/hello-src/build" "$work/hello-src/src/"*.egg-info "$work/hello-src/out" "$work/hello-src/wheels"
(cd "$work/hello-src" && "$python" -m pip wheel -q --no-deps --no-build-isolation --no-index -w "$dir" .) \
    >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
