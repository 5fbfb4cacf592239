# shellcheck shell=bash
# The evaluation-style application (issue #14's acceptance app): Flask, requests, lxml, numpy,
# psycopg2, PyYAML and psutil with a bundled interpreter, a conffile and an entry point.
# Source it after common.sh, then: evalapp WORK: the wheelhouse in WORK/wheels, the spec and its
# conffile source in WORK/app.
evalapp() {
    local work=$1
    bash "$PYDEB_SOURCE_ROOT/tests/corpus/make-app-wheelhouse.sh" "$work/wheels"
    mkdir -p "$work/app/conf"
    echo "greeting: hi" >"$work/app/conf/app.yaml"
    cat >"$work/app/pydeb.yaml" <<SPEC
name: evalapp
version: "1.0"
summary: evaluation app with its own Python
description: Flask, requests, lxml, numpy, psycopg2, PyYAML and psutil, with a bundled interpreter.
maintainer: Jane Doe <jane@example.com>
license: MIT
python: {bundle: host}
install:
  requirements: ["flask>=2", requests, lxml, numpy, psycopg2, PyYAML, psutil, hello]
  wheelhouse: [$work/wheels]
entry-points: [hello]
files:
  - {source: conf/app.yaml, dest: /etc/evalapp/app.yaml, config: true}
# gzip: the rpm's default zstd -19 costs a minute here and proves nothing more.
compression: gzip
SPEC
}
