#!/bin/bash
# Time the resolve stage: the wheel corpus (tests/corpus) and a synthetic wheelhouse of 2,000
# METADATA-only wheels (200 names x 10 versions, each requiring 3 other names with ranges).
#   bench/resolve.sh [BUILD_DIR] [RUNS]      (default: build, 5 runs)
# Prints the median time of resolve::resolve alone (resolve-driver --time: scan, METADATA reads,
# libsolv solve, sha256 of the chosen wheels; not the interpreter query).
# Goals: corpus < 100 ms, 2,000 wheels < 1 s.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
runs=${2:-5}
driver=$build/tests/integration/resolve/resolve-driver
python=/usr/bin/python3
[[ -x $driver ]] || { echo "build $driver first (ninja -C $build tests/integration/resolve/resolve-driver)" >&2; exit 2; }

. "$here/tests/cache-dir.sh"
corpus=$PYDEB_CACHE/wheels
if [[ -x $here/tests/corpus/make-wheel-corpus.sh ]]; then
    "$here/tests/corpus/make-wheel-corpus.sh" "$corpus" >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# median of the numbers on stdin
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# bench NAME GOAL_MS WHEELHOUSE REQ...: median resolve time over $runs runs
bench() {
    local name=$1 goal=$2 house=$3
    shift 3
    local times=() count
    count=$("$driver" "$python" "$house" "$@" | wc -l) || { echo "$name: resolution failed" >&2; exit 1; }
    for ((i = 0; i < runs; i++)); do
        times+=("$("$driver" --time "$python" "$house" "$@" 2>&1 >/dev/null | sed -n 's/^resolve: \(.*\) ms$/\1/p')")
    done
    local med
    med=$(printf '%s\n' "${times[@]}" | median)
    printf '%-28s %8.1f ms  (goal < %s ms; %d wheels chosen; %d runs)\n' "$name" "$med" "$goal" "$count" "$runs"
}

if [[ -f $corpus/Flask-2.2.2-py3-none-any.whl ]]; then
    bench "corpus ($(ls "$corpus"/*.whl | wc -l) wheels)" 100 "$corpus" 'flask>=2' requests psycopg2 PyYAML
else
    echo "corpus: missing ($corpus); run tests/corpus/make-wheel-corpus.sh" >&2
fi

"$python" - "$work/synthetic" <<'PY'
import os, random, sys, zipfile
out = sys.argv[1]
os.makedirs(out)
rng = random.Random(440)
names = ["pkg%03d" % i for i in range(200)]
for i, name in enumerate(names):
    for v in range(1, 11):
        version = "%d.%d" % (v // 3 + 1, v % 3)
        lines = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version]
        # Only "later" names as dependencies: an acyclic graph, always satisfiable by the newest.
        for dep in sorted(rng.sample(range(i + 1, len(names)), min(3, len(names) - i - 1))):
            lines.append("Requires-Dist: %s>=1.%d,<9" % (names[dep], rng.randrange(3)))
        lines.append("Requires-Dist: colorama; sys_platform == 'win32'")
        with zipfile.ZipFile(os.path.join(out, "%s-%s-py3-none-any.whl" % (name, version)), "w") as z:
            z.writestr("%s-%s.dist-info/METADATA" % (name, version), "\n".join(lines) + "\n\n")
            z.writestr("%s-%s.dist-info/WHEEL" % (name, version), "Wheel-Version: 1.0\n")
PY
bench "synthetic (2000 wheels)" 1000 "$work/synthetic" pkg000 pkg001 pkg002 pkg003 pkg004 pkg005 \
    pkg006 pkg007 pkg008 pkg009
