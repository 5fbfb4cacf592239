#!/bin/bash
# Build the test wheel corpus: real wheels repacked from Debian bookworm python3-* packages
# (PyPI is not reachable here), plus Debian's own pip/setuptools/wheel wheels.
#
#   tests/corpus/make-wheel-corpus.sh [OUTDIR]    (default: $PYDEB_CACHE/wheels; tests/cache-dir.sh)
#
# Idempotent and cached: .debs are kept in $PYDEB_CACHE/debs, and OUTDIR/.corpus-stamp records the inputs,
# so a run with everything present only compares the stamp and exits. Safe to run concurrently (flock).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../cache-dir.sh"
cache=$PYDEB_CACHE
# examples/hello/pydeb.yaml names its wheelhouse as tests/corpus/cache/wheels: a link to the cache
# (git-ignored; an old clone's real directory there is left alone).
if [[ -L $here/cache || ! -e $here/cache ]] && [[ $(readlink "$here/cache") != "$cache" ]]; then
    ln -sfn "$cache" "$here/cache"
fi
outdir=${1:-$cache/wheels}
debs=$cache/debs
python=/usr/bin/python3

# The projects of the corpus and every python3-* package they depend on (Debian names).
packages=(
    python3-flask python3-jinja2 python3-markupsafe python3-werkzeug python3-itsdangerous python3-click
    python3-colorama python3-blinker
    python3-requests python3-urllib3 python3-idna python3-certifi python3-charset-normalizer python3-chardet
    python3-six python3-psycopg2 python3-yaml
    python3-pip-whl python3-setuptools-whl python3-wheel-whl
)

mkdir -p "$outdir" "$debs"
stamp=$outdir/.corpus-stamp
key=$(cat "$here/repack_debs.py" "${BASH_SOURCE[0]}" | sha256sum | cut -c1-64)

corpus_is_current() {
    [[ -f $stamp ]] || return 1
    local line first=1
    while IFS= read -r line; do
        if ((first)); then
            [[ $line == "$key" ]] || return 1
            first=0
        elif [[ ! -f $outdir/$line ]]; then
            return 1
        fi
    done <"$stamp"
    ((first == 0))
}

corpus_is_current && exit 0

exec 9>"$cache/.corpus.lock"
flock 9
corpus_is_current && exit 0 # another run made it while we waited

# The newest cached .deb of a package, empty if none.
cached_deb() {
    local found
    found=$(find "$debs" -maxdepth 1 -name "${1}_*.deb" | sort -V | tail -n1)
    echo "$found"
}

missing=()
for p in "${packages[@]}"; do
    [[ -n $(cached_deb "$p") ]] || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "make-wheel-corpus: downloading ${missing[*]}" >&2
    if ! (cd "$debs" && apt-get download -q "${missing[@]}" >/dev/null 2>&1); then
        echo "make-wheel-corpus: apt-get download failed; running apt-get update and retrying" >&2
        apt-get update -q >/dev/null
        (cd "$debs" && apt-get download -q "${missing[@]}" >/dev/null)
    fi
fi

files=()
for p in "${packages[@]}"; do
    f=$(cached_deb "$p")
    [[ -n $f ]] || { echo "make-wheel-corpus: $p was not downloaded" >&2; exit 1; }
    files+=("$f")
done

made=$("$python" "$here/repack_debs.py" "$outdir" "${files[@]}")
{
    echo "$key"
    echo "$made"
} >"$stamp.tmp"
mv "$stamp.tmp" "$stamp"
echo "make-wheel-corpus: $(echo "$made" | wc -l) wheels in $outdir" >&2
