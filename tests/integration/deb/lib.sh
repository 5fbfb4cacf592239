# shellcheck shell=bash
# Shared by the deb integration tests: a small staged virtualenv-like tree and the driver.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
: "${DEB_DRIVER:?run through meson test}"

# make_stage DIR VERSION: the tree a venv install would leave, for package version VERSION.
make_stage() {
    local root=$1 version=$2 venv=$1/opt/venvs/pydeb-hello
    mkdir -p "$venv/bin" "$venv/lib/python3.11/site-packages/hello" "$root/etc/pydeb-hello" "$root/usr/bin"
    printf '#!/bin/sh\necho "hello %s"\n' "$version" >"$venv/bin/hello"
    chmod 0755 "$venv/bin/hello"
    printf 'VERSION = "%s"\n' "$version" >"$venv/lib/python3.11/site-packages/hello/__init__.py"
    printf 'greeting = hi\n' >"$root/etc/pydeb-hello/hello.conf"
    ln -s /opt/venvs/pydeb-hello/bin/hello "$root/usr/bin/hello"
    ln -s python3.11 "$venv/lib/python3"
}
