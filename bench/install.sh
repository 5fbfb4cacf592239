#!/bin/bash
# Time the install stage on the wheel corpus (tests/corpus) against pip and plain unzip.
#   bench/install.sh [BUILD_DIR] [RUNS]      (default: build, 5 runs)
# Prints the median wall time of each and the ratios. Goals: >= 3x faster than
# `pip install --no-index --no-deps --no-compile`, and within 1.5x of `unzip` of the same wheels.
# No bytecode on either side (pip --no-compile, pydeb --bytecode none): this measures unpacking,
# RECORD verification, scripts and metadata.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
runs=${2:-5}
driver=$build/tests/integration/install/install-driver
python=/usr/bin/python3
[[ -x $driver ]] || { echo "build $driver first (ninja -C $build)" >&2; exit 2; }
command -v unzip >/dev/null || { echo "needs unzip (apt-get install unzip)" >&2; exit 2; }

"$here/tests/corpus/make-wheel-corpus.sh" >/dev/null
. "$here/tests/cache-dir.sh"
mapfile -t wheels < <(ls "$PYDEB_CACHE"/wheels/*.whl)
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
bytes=$(cat "${wheels[@]}" | wc -c)
echo "corpus: ${#wheels[@]} wheels, $((bytes / 1024)) KiB; $runs runs each; $(nproc) CPUs"

now() { date +%s.%N; }
# median of the numbers on stdin
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

time_pydeb() {
    rm -rf "$work/stage"
    local start
    start=$(now)
    "$driver" --bytecode none "$work/stage" /opt/bench/venv "$python" "${wheels[@]}" >/dev/null
    echo "$(now) - $start" | bc
}
time_pip() {
    rm -rf "$work/pip"
    "$python" -m venv --without-pip "$work/pip"
    local start
    start=$(now)
    PIP_CONFIG_FILE=/dev/null "$python" -m pip --python "$work/pip/bin/python" install --quiet --no-index \
        --no-deps --no-compile --disable-pip-version-check "${wheels[@]}" >/dev/null
    echo "$(now) - $start" | bc
}
time_unzip() {
    rm -rf "$work/unzip"
    mkdir -p "$work/unzip"
    local start
    start=$(now)
    for wheel in "${wheels[@]}"; do unzip -q -o "$wheel" -d "$work/unzip"; done
    echo "$(now) - $start" | bc
}

# One warm-up of each (page cache, interpreter facts cache), then the measured runs.
time_pydeb >/dev/null
time_pip >/dev/null
time_unzip >/dev/null
for name in pydeb pip unzip; do
    for ((i = 0; i < runs; i++)); do "time_$name"; done | median >"$work/$name.median"
done
pydeb=$(cat "$work/pydeb.median")
pip=$(cat "$work/pip.median")
unzip=$(cat "$work/unzip.median")
printf 'median  pydeb %.3fs   pip %.3fs   unzip %.3fs\n' "$pydeb" "$pip" "$unzip"
printf 'pip / pydeb   = %.2fx  (goal >= 3)\n' "$(echo "$pip / $pydeb" | bc -l)"
printf 'pydeb / unzip = %.2fx  (goal <= 1.5)\n' "$(echo "$pydeb / $unzip" | bc -l)"
