#!/bin/bash
# The layering rule the build relies on: only src/adapters/ includes the C headers of libsolv,
# libarchive, librpm and Boost.Process; only src/spec/ includes yaml-cpp; only src/cli/ CLI11.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
cd "$PYDEB_SOURCE_ROOT/src"

check() { # pattern, allowed directory
    local offenders
    offenders=$(grep -rlE "#include *[<\"]($1)" --include='*.cpp' --include='*.hpp' . | grep -v "^./$2/" || true)
    [ -z "$offenders" ] || fail "$1 included outside src/$2: $offenders"
}
check 'solv/' adapters
check 'archive\.h|archive_entry\.h' adapters
check 'rpm/' adapters
check 'boost/process' adapters
check 'zstd\.h|zstd_errors\.h' adapters
check 'yaml-cpp/' spec
check 'CLI/' cli
pass "C library headers stay in src/adapters, yaml-cpp in src/spec, CLI11 in src/cli"
