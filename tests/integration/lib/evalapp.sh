# shellcheck shell=bash
# The evaluation-style application (issue #14's acceptance app): Flask, requests, lxml, numpy,
# psycopg2, PyYAML and psutil with a bundled interpreter, a conffile and an entry point.
# Source it after common.sh, then: evalapp WORK [COMPRESSION]: the wheelhouse in WORK/wheels, the
# spec and its conffile source in WORK/app. COMPRESSION defaults to gzip: the rpm's zstd -19 costs
# a minute here and proves nothing more; a test that builds only .debs passes zstd (dpkg-deb's
# -3, half a second where gzip takes ten).
evalapp() {
    local work=$1 compression=${2:-gzip}
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
compression: $compression
SPEC
}

# evalapp_libraries RELEASE: the packages of the libraries the evaluation app links in RELEASE
# (bullseye: those it has), for debian-mirror.sh --packages; for trixie also every package the
# Contents fallback tries (pydeb(1) TARGETS: the Policy §8.1 names and the host's owners, with
# their t64 twins, that trixie's Packages list).
evalapp_libraries() {
    local common="libc6 libblas3 liblapack3 libbz2-1.0 libcrypt1 libexpat1 libxslt1.1 liblzma5 libncursesw6
 libnsl2 libpq5 libsqlite3-0 libtinfo6 libuuid1 libxml2 libyaml-0-2 zlib1g"
    case $1 in
    bullseye) echo "$common libdb5.3 libreadline8 libtirpc3" ;;
    bookworm) echo "$common libdb5.3 libreadline8 libtirpc3 libssl3 libffi8" ;;
    trixie) echo "$common libdb5.3t64 libreadline8t64 libtirpc3t64 libssl3t64 libffi8" ;;
    esac
}
