# shellcheck shell=bash
# Sourced by tests/fuzz/run.sh and tests/run-tests.sh. configure_fuzz_build SOURCE BUILD: set up
# (once) the build directory of the fuzz targets and the sanitizer run: clang 19 (bookworm's
# clang 14 cannot compile libstdc++ 12's <expected>), libFuzzer, ASan+UBSan, debug info for the
# reports; compiles go through ccache with its cache in $PYDEB_CACHE/ccache, like the
# own-package tests (tests/integration/lib/common.sh use_ccache).
configure_fuzz_build() {
    local source=$1 build=$2
    for tool in clang++-19 ccache; do
        command -v "$tool" >/dev/null || { echo "$tool missing: bash tests/install-deps.sh" >&2; return 1; }
    done
    export CCACHE_DIR=$PYDEB_CACHE/ccache CCACHE_BASEDIR=$source CCACHE_NOHASHDIR=true
    export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-2G}
    mkdir -p "$CCACHE_DIR"
    if [ ! -f "$build/build.ninja" ]; then
        CXX="ccache clang++-19" CC="ccache clang-19" meson setup "$build" "$source" \
            --buildtype=debugoptimized -Dfuzzing=true -Db_sanitize=address,undefined \
            -Db_lundef=false >/dev/null
    fi
}
