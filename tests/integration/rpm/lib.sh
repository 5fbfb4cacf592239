# Shared by the rpm integration tests: source after common.sh's variables are set by meson.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
: "${RPM_DRIVER:?run through meson test}"

# make_stage DIR VERSION: a venv-like staging tree. VERSION 2 drops the module "old" and changes
# the default config, so an upgrade has something to remove and a conffile to merge.
make_stage() {
    local stage=$1 version=$2 site
    site=$stage/opt/venvs/demo/lib/python3.11/site-packages
    rm -rf "$stage"
    mkdir -p "$stage/opt/venvs/demo/bin" "$site/demo" "$stage/etc/demo"
    cp /bin/true "$stage/opt/venvs/demo/bin/demo-helper" # an ELF, as real venvs carry
    printf '#!/bin/sh\necho demo %s\n' "$version" >"$stage/opt/venvs/demo/bin/demo"
    chmod 755 "$stage/opt/venvs/demo/bin/demo"
    ln -s /usr/bin/python3 "$stage/opt/venvs/demo/bin/python"
    echo "VERSION = '$version'" >"$site/demo/__init__.py"
    if [ "$version" = 1 ]; then
        mkdir -p "$site/old"
        echo "x = 1" >"$site/old/__init__.py"
    fi
    echo "setting = default-$version" >"$stage/etc/demo/demo.conf"
    find "$stage" -type d -exec chmod 755 {} +
    chmod 644 "$stage/etc/demo/demo.conf" "$site/demo/__init__.py"
}

# build STAGE OUT VERSION [KEY=VALUE...]: the demo package with every field set.
build() {
    local stage=$1 out=$2 version=$3
    shift 3
    SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000} "$RPM_DRIVER" "$stage" "$out" \
        name=demo version="$version.0" release=1 license=MIT url=https://example.com/demo \
        maintainer='Jane Doe <jane@example.com>' summary='Demo application' \
        description='A demo application with its own virtualenv.' \
        prefix=/opt/venvs/demo interpreter=/usr/bin/python3 \
        'requires=libc.so.6()(64bit)' 'requires=python(abi) = 3.11' \
        'provides=bundled(python3dist(idna)) = 3.4' 'conflicts=demo-legacy < 1.0' \
        "$@"
}
