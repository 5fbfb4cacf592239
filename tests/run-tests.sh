#!/bin/bash
# README command 2: install the build dependencies, build pydeb, and run the whole test suite
# (doctest unit tests and the integration tests that run dpkg, rpm, lintian, apt, pip...), then
# the sanitizer run and 5 s of each fuzz target (tests/run-sanitized.sh). Given test names or
# meson test options, only those tests run, without the sanitizer run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/install-deps.sh
bash tests/build.sh
bash tests/corpus/make-wheel-corpus.sh
status=0
meson test -C build --print-errorlogs --num-processes 3 "$@" || status=$?
logs=(build/meson-logs/testlog.json)
if [ $# -eq 0 ]; then
    bash tests/run-sanitized.sh 5 || status=1
    logs+=(build-fuzz/meson-logs/testlog.json)
fi
# A plain closing line any CI can read: "N passed, N failed".
python3 - "${logs[@]}" <<'PY'
import json, sys
results = [json.loads(line) for log in sys.argv[1:] for line in open(log) if line.strip()]
passed = sum(r["result"] in ("OK", "EXPECTEDFAIL") for r in results)
skipped = sum(r["result"] == "SKIP" for r in results)
failed = len(results) - passed - skipped
print(f"pydeb: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
