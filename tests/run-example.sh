#!/bin/bash
# README command 1: install the build dependencies, build pydeb, and package the bundled example
# (examples/hello) as a .deb and an .rpm in examples/hello/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/install-deps.sh
bash tests/build.sh
bash tests/corpus/make-wheel-corpus.sh
build/src/pydeb build examples/hello/pydeb.yaml -o examples/hello/out
ls -l examples/hello/out
