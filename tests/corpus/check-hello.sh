#!/bin/bash
# The example application builds offline with Debian's setuptools and wheel, installs with the real pip
# from the corpus wheelhouse alone, and runs: greeting, HTML escaping (markupsafe), libyaml's C loader,
# --config, --version, and a clear error for a missing config file.
#
#   tests/corpus/check-hello.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
example=$here/../../examples/hello
. "$here/../cache-dir.sh"
cache=$PYDEB_CACHE
wheels=$cache/wheels
"$here/make-wheel-corpus.sh" "$wheels"

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-hello-XXXXXX")
trap 'rm -rf "$work"' EXIT
# setuptools builds in the source tree (build/, *.egg-info): build a copy instead.
cp -r "$example" "$work/src"
rm -rf "$work/src/build" "$work/src/src/"*.egg-info
(cd "$work/src" && /usr/bin/python3 -m pip wheel -q --disable-pip-version-check --no-deps \
    --no-build-isolation --no-index -w "$work/dist" .) || fail "pip wheel of examples/hello"
wheel=$(echo "$work"/dist/hello-1.0-py3-none-any.whl)
[[ -f $wheel ]] || fail "no hello-1.0-py3-none-any.whl in $(ls "$work/dist")"
/usr/bin/python3 "$here/verify_record.py" "$wheel" || fail "RECORD of the hello wheel"
meta=$(unzip -p "$wheel" hello-1.0.dist-info/METADATA)
for dep in click markupsafe PyYAML; do
    grep -qi "^Requires-Dist: $dep" <<<"$meta" || fail "hello METADATA lacks Requires-Dist: $dep"
done
grep -q '^hello = hello.cli:main' <(unzip -p "$wheel" hello-1.0.dist-info/entry_points.txt) ||
    fail "console script hello missing from entry_points.txt"
pass "examples/hello builds offline into $(basename "$wheel") with its requirements and entry point"

/usr/bin/python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check --no-index --find-links "$wheels" \
    "$wheel" || fail "pip install hello from the corpus"
hello=$work/venv/bin/hello
out=$("$hello" --config "$example/conf/hello.yaml")
echo "$out"
grep -qx 'Hello, <packagers> & friends!' <<<"$out" || fail "greeting"
grep -qx 'html: <p>Hello, &lt;packagers&gt; &amp; friends!</p>' <<<"$out" || fail "markupsafe escaping"
grep -q '(yaml.CSafeLoader)$' <<<"$out" || fail "hello did not use libyaml's CSafeLoader"
[[ $("$hello" --version) == 'hello, version 1.0' ]] || fail "hello --version: $("$hello" --version)"
grep -qx 'Hello, you!' <<<"$("$hello" --config "$example/conf/hello.yaml" --name you)" || fail "--name"
pass "hello runs: greeting, escaping, CSafeLoader, --name, --version"

if err=$("$hello" --config "$work/nonexistent.yaml" 2>&1); then fail "missing config accepted"; fi
grep -q "cannot read config $work/nonexistent.yaml" <<<"$err" || fail "missing config message: $err"
pass "a missing config file is an error naming the file"
