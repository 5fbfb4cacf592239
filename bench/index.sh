#!/bin/bash
# Fetch + resolve + build from a package index, next to pip from the same index: the evaluation
# app's 18 wheels (tests/corpus/make-app-wheelhouse.sh) and one dependency that only an sdist
# provides (fastsum, a small C extension made here with Debian's setuptools; its build
# requirements, setuptools and wheel, are the wheels Debian ships in /usr/share/python-wheels),
# served by Debian's nginx on 127.0.0.1 as a PEP 691 JSON index with PEP 658 metadata
# (tests/integration/sources/make-index.py), behind basic auth, credentials in the URL for both
# tools. Both tools build the sdist with PEP 517 in an isolated environment (pip's default).
#   bench/index.sh [--repeat N] [--pydeb PATH] [--out DIR]
# Rows (median wall time of N runs; "cold" = empty caches, "warm" = the same caches again):
#   pydeb lock        fetch + resolve (index pages, PEP 658 metadata, the chosen wheels downloaded,
#                     the sdist built: its dependencies are known only from the built wheel)
#   pip dry-run       pip install --dry-run --report: pip's fetch + resolve (and sdist build)
#   pydeb build       pydeb build --format deb, no lock: fetch, resolve, install, map, write
#                     (warm: the lock from the cold run and every cache warm)
#   pip install       python3 -m venv --without-pip + pip --python VENV install (no package)
# Goals (issue #19): pydeb's cold fetch+resolve no slower than pip's; warm at least 5x faster.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
python=/usr/bin/python3
repeat=3
pydeb=$root/build/src/pydeb
out=$here/out/index
while (($#)); do
    case $1 in
    --repeat) repeat=${2:?}; shift 2 ;;
    --pydeb) pydeb=$(realpath "${2:?}"); shift 2 ;;
    --out) out=$(realpath -m "${2:?}"); shift 2 ;;
    *) sed -n '2,15s/^# \?//p' "${BASH_SOURCE[0]}"; exit 2 ;;
    esac
done
rm -rf "$out" && mkdir -p "$out"
nginx_sh=$root/tests/integration/lib/loopback-nginx.sh
trap 'bash "$nginx_sh" stop "$out/nginx"' EXIT

bash "$root/tests/corpus/make-app-wheelhouse.sh" "$out/wheels" >/dev/null
mkdir -p "$out/fastsum"
cat >"$out/fastsum/setup.py" <<'PY'
from setuptools import setup, Extension
setup(name="fastsum", version="1.0", ext_modules=[Extension("fastsum", ["fastsum.c"])])
PY
cat >"$out/fastsum/fastsum.c" <<'C'
#define PY_SSIZE_T_CLEAN
#include <Python.h>
static PyObject *add(PyObject *self, PyObject *args)
{ long a, b; if (!PyArg_ParseTuple(args, "ll", &a, &b)) return NULL; return PyLong_FromLong(a + b); }
static PyMethodDef methods[] = {{"add", add, METH_VARARGS, "a + b"}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "fastsum", NULL, -1, methods};
PyMODINIT_FUNC PyInit_fastsum(void) { return PyModule_Create(&module); }
C
(cd "$out/fastsum" && "$python" setup.py -q sdist -d "$out/wheels") >/dev/null 2>&1
cp /usr/share/python-wheels/setuptools-*-py3-none-any.whl /usr/share/python-wheels/wheel-*-py3-none-any.whl "$out/wheels/"
"$python" "$root/tests/integration/sources/make-index.py" "$out/wheels" "$out/index"
password=bench-$RANDOM
printf 'bench:%s\n' "$(openssl passwd -apr1 "$password")" >"$out/htpasswd"
mkdir -p "$out/nginx"
echo 'location /json/ { index index.json; types { } default_type application/vnd.pypi.simple.v1+json; }' >"$out/nginx/extra.conf"
port=$(bash "$nginx_sh" start "$out/index" "$out/nginx" "$out/htpasswd")
url="http://bench:$password@127.0.0.1:$port/json/simple/"
requirements=("flask>=2" requests lxml numpy psycopg2 PyYAML psutil hello fastsum)

mkdir -p "$out/app"
cat >"$out/app/pydeb.yaml" <<SPEC
name: benchapp
version: "1.0"
summary: index benchmark
description: The evaluation app's requirements from a loopback index.
maintainer: Jane Doe <jane@example.com>
license: MIT
install:
  requirements: [$(printf '"%s", ' "${requirements[@]}" | sed 's/, $//')]
  indexes: ["$url"]
entry-points: [hello]
formats: [deb]
SPEC

# seconds CMD...: wall time of one run, its output in $out/logs
mkdir -p "$out/logs"
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >>"$out/logs/$row.log" 2>&1 || { cat "$out/logs/$row.log" >&2; echo "$row failed" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
declare -A times
# measure NAME CMD...: one run's time under NAME; a failed run ends the benchmark (set -e).
measure() {
    local name=$1 t
    shift
    t=$(seconds "$@")
    times[$name]+="$t "
}

pip_=(env PIP_CONFIG_FILE=/dev/null "$python" -m pip)
for ((r = 0; r < repeat; r++)); do
    c=$out/run$r
    mkdir -p "$c"
    row="pydeb-lock"
    measure "pydeb lock cold" env XDG_CACHE_HOME="$c/pydeb-cache" "$pydeb" -q lock "$out/app/pydeb.yaml" --lockfile "$c/pydeb.lock"
    measure "pydeb lock warm" env XDG_CACHE_HOME="$c/pydeb-cache" "$pydeb" -q lock "$out/app/pydeb.yaml" --lockfile "$c/pydeb.lock"
    row=pip-dry-run
    for t in cold warm; do
        measure "pip dry-run $t" "${pip_[@]}" install --dry-run --ignore-installed --quiet --cache-dir "$c/pip-cache" \
            --report "$c/pip.json" --index-url "$url" "${requirements[@]}"
    done
    row="pydeb-build"
    rm -f "$out/app/pydeb.lock"
    measure "pydeb build cold" env XDG_CACHE_HOME="$c/build-cache" "$pydeb" -q build "$out/app/pydeb.yaml" -o "$c/out1"
    (cd "$out/app" && XDG_CACHE_HOME="$c/build-cache" "$pydeb" -q lock pydeb.yaml >/dev/null 2>&1)
    measure "pydeb build warm" env XDG_CACHE_HOME="$c/build-cache" "$pydeb" -q build "$out/app/pydeb.yaml" -o "$c/out2"
    rm -f "$out/app/pydeb.lock"
    row=pip-install
    for t in cold warm; do
        "$python" -m venv --without-pip "$c/venv-$t"
        measure "pip install $t" "${pip_[@]}" --python "$c/venv-$t/bin/python" install --quiet --cache-dir "$c/pip-install-cache" \
            --index-url "$url" "${requirements[@]}"
    done
done
printf '%-20s %10s   (%s runs, median; min-max)\n' "" "seconds" "$repeat"
for name in "pydeb lock cold" "pip dry-run cold" "pydeb lock warm" "pip dry-run warm" \
    "pydeb build cold" "pip install cold" "pydeb build warm" "pip install warm"; do
    # shellcheck disable=SC2086 # one number per word
    printf '%-20s %10.2f   %.2f-%.2f\n' "$name" "$(printf '%s\n' ${times[$name]} | median)" \
        "$(printf '%s\n' ${times[$name]} | sort -g | head -1)" "$(printf '%s\n' ${times[$name]} | sort -g | tail -1)"
done | tee "$out/results.txt"
