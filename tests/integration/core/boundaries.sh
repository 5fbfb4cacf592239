#!/bin/bash
# The layering rules meson's global include path does not enforce (ARCHITECTURE.md, Layers):
#  - only src/adapters/ includes the C headers of libsolv, libarchive, librpm, libzstd, gpgme, libcurl and
#    Boost.Process; only src/spec/ includes yaml-cpp; only src/cli/ CLI11;
#  - a layer includes only its own headers and those of the layers it may use, so a lower layer
#    including a higher one fails (util including pipeline/, say); in adapters/, each adapter
#    includes only itself and util (solv_repos also solv and archive).
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
cd "$PYDEB_SOURCE_ROOT/src"

check() { # pattern, allowed directory
    local offenders
    if offenders=$(grep -rlE "#include *[<\"]($1)" --include='*.cpp' --include='*.hpp' --exclude-dir="$2" .); then
        fail "$1 included outside src/$2: $offenders"
    fi
}
check 'solv/' adapters
check 'archive\.h|archive_entry\.h' adapters
check 'rpm/' adapters
check 'boost/process' adapters
check 'zstd\.h|zstd_errors\.h' adapters
check 'gpgme\.h' adapters
check 'curl/' adapters
check 'yaml-cpp/' spec
check 'CLI/' cli
pass "C library headers stay in src/adapters, yaml-cpp in src/spec, CLI11 in src/cli"

# The "may use" column of ARCHITECTURE.md's layer table (util is below everything). A folder
# missing here may include nothing, so a new layer has to be placed in the order.
declare -A may_use=(
    [util]="util"
    [adapters]="adapters util"
    [python]="python util"
    [spec]="spec python util"
    [resolve]="resolve python adapters util"
    [sources]="sources resolve python adapters util"
    [install]="install python adapters templates util"
    [sdist]="sdist install resolve spec python adapters templates util"
    [elf]="elf util"
    [targets]="targets adapters util"
    [depmap]="depmap elf adapters util"
    [package]="package adapters templates util"
    [sbom]="sbom python util"
    [explain]="explain depmap elf install resolve python adapters util"
    [packaging_tools]="packaging_tools spec package python util"
    [pipeline]="pipeline explain sbom packaging_tools package depmap targets elf sdist install sources resolve spec python adapters templates util"
    [cli]="cli pipeline util"
    [main.cpp]="cli util"
)
declare -A adapter_may_use=([solv_repos]="solv_repos solv archive")

# offenders SRC: "FILE includes LAYER/" for each project include SRC/FILE may not make.
offenders() {
    local src=$1 file include layer target adapter
    while IFS=: read -r file include; do
        file=${file#"$src"/}
        layer=${file%%/*}
        include=${include#*\"}
        target=${include%%/*}
        [[ " ${may_use[$layer]:-} " == *" $target "* ]] || { echo "$file includes $target/"; continue; }
        if [[ $layer == adapters && $target == adapters ]]; then
            adapter=${file#adapters/}
            adapter=${adapter%%/*}
            target=${include#adapters/}
            target=${target%%/*}
            [[ " ${adapter_may_use[$adapter]:-$adapter} " == *" $target "* ]] ||
                echo "$file includes adapters/$target/"
        fi
    done < <(grep -rHoE '#include *"[a-z_]+/([a-z_]+/)?' --include='*.cpp' --include='*.hpp' "$src")
}

# The check itself can fail: a tree with two crossings, and one allowed include.
fake=$(scratch)
mkdir -p "$fake/util" "$fake/python" "$fake/adapters/solv"
echo '#include "pipeline/run.hpp"' >"$fake/util/a.hpp"
echo '#include "util/strings.hpp"' >"$fake/python/b.cpp"
echo '#include "adapters/rpm/header.hpp"' >"$fake/adapters/solv/c.cpp"
found=$(offenders "$fake" | sort)
[[ $found == "adapters/solv/c.cpp includes adapters/rpm/"$'\n'"util/a.hpp includes pipeline/" ]] ||
    fail "the layer check misses crossings in a test tree: '$found'"

found=$(offenders "$PWD")
[[ -z $found ]] || fail "includes across the layer order (ARCHITECTURE.md):
$found"
pass "every layer includes only the layers below it; each adapter only itself and util"
