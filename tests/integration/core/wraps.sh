#!/bin/bash
# subprojects/ (issue 16): with the system's CLI11 and doctest (Debian: libcli11-dev, doctest-dev)
# a --wrap-mode=nodownload setup uses them and touches no wrap; without them (forced here with
# --force-fallback-for) the wraps' [provide] sections and the doctest overlay supply both, and the
# sources that include <CLI/CLI.hpp> and <doctest/doctest.h> compile against them. The wraps'
# GitHub tarballs cannot be downloaded here, so that second setup gets stand-in tarballs of the
# same layout (made from the system headers) under the wraps' file names, with their hashes.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
work=$(scratch)
src=$PYDEB_SOURCE_ROOT

for wrap in cli11 doctest; do
    [[ -f $src/subprojects/$wrap.wrap ]] || fail "subprojects/$wrap.wrap is missing"
    grep -q '^\[provide\]' "$src/subprojects/$wrap.wrap" || fail "$wrap.wrap has no [provide] section"
    grep -qE '^source_hash = [0-9a-f]{64}$' "$src/subprojects/$wrap.wrap" || fail "$wrap.wrap has no sha256"
    grep -qE '^source_url = https://' "$src/subprojects/$wrap.wrap" || fail "$wrap.wrap has no source_url"
done

# 1. The normal build: system packages, no subproject.
meson setup --wrap-mode=nodownload "$work/system" "$src" >"$work/system.log" 2>&1 ||
    { tail -20 "$work/system.log"; fail "meson setup --wrap-mode=nodownload"; }
grep -qiE '^Run-time dependency CLI11 found: YES' "$work/system.log" || fail "system CLI11 not used: $(grep -i cli11 "$work/system.log")"
grep -qE '^Run-time dependency doctest found: YES' "$work/system.log" || fail "system doctest not used: $(grep -i doctest "$work/system.log")"
! grep -qi 'subproject' "$work/system.log" || fail "a subproject was used: $(grep -i subproject "$work/system.log")"
pass "--wrap-mode=nodownload uses the system CLI11 and doctest"

# 2. A host without them: the wraps, offline.
tree=$work/tree
mkdir "$tree"
(cd "$src" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$tree")
mkdir -p "$tree/subprojects"
cp "$src"/subprojects/*.wrap "$tree/subprojects/"
mkdir -p "$tree/subprojects/packagefiles/doctest" "$tree/subprojects/packagecache"
cp "$src/subprojects/packagefiles/doctest/meson.build" "$tree/subprojects/packagefiles/doctest/"
stand_in() { # stand_in WRAP DIRECTORY: a tarball named as the wrap says; its hash into the wrap
    local wrap=$tree/subprojects/$1.wrap dir=$2 file
    file=$(sed -n 's/^source_filename = //p' "$wrap")
    tar -C "$work/stand-in" -czf "$tree/subprojects/packagecache/$file" "$dir"
    sed -i "s/^source_hash = .*/source_hash = $(sha256sum "$tree/subprojects/packagecache/$file" | cut -d' ' -f1)/" "$wrap"
}
cli_dir=$(sed -n 's/^directory = //p' "$tree/subprojects/cli11.wrap")
doctest_dir=$(sed -n 's/^directory = //p' "$tree/subprojects/doctest.wrap")
mkdir -p "$work/stand-in/$cli_dir/include" "$work/stand-in/$doctest_dir/doctest"
cp -r /usr/include/CLI "$work/stand-in/$cli_dir/include/"
# CLI11's own meson.build (upstream, abridged): the include directory as CLI11_dep.
printf "project('CLI11', ['cpp'], version : '0')\nCLI11_dep = declare_dependency(include_directories : include_directories(['include']))\n" \
    >"$work/stand-in/$cli_dir/meson.build"
cp -r /usr/include/doctest/. "$work/stand-in/$doctest_dir/doctest/"
# doctest's own meson.build, which the overlay must replace (its include directory is doctest/).
printf "project('doctest', ['cpp'])\ndoctest_dep = declare_dependency(include_directories : include_directories('doctest'))\n" \
    >"$work/stand-in/$doctest_dir/meson.build"
stand_in cli11 "$cli_dir"
stand_in doctest "$doctest_dir"

meson setup --wrap-mode=nodownload --force-fallback-for=CLI11,doctest "$work/wrapped" "$tree" \
    >"$work/wrapped.log" 2>&1 || { tail -30 "$work/wrapped.log"; fail "meson setup with the wraps"; }
grep -qiE "^Dependency CLI11 from subproject subprojects/$cli_dir found: YES" "$work/wrapped.log" ||
    fail "CLI11 not from the wrap: $(grep -i cli11 "$work/wrapped.log")"
grep -qE "^Dependency doctest from subproject subprojects/$doctest_dir found: YES" "$work/wrapped.log" ||
    fail "doctest not from the wrap: $(grep -i doctest "$work/wrapped.log")"
# The sources that use them compile against the subprojects' include directories.
ninja -C "$work/wrapped" src/cli/libpydeb_cli.a tests/unit/util/unit-util.p/test_strings.cpp.o \
    >"$work/ninja.log" 2>&1 || { tail -30 "$work/ninja.log"; fail "compiling against the wraps"; }
grep -q "subprojects/$doctest_dir" "$work/wrapped/compile_commands.json" || fail "doctest include not from the wrap"
pass "without system packages, the wraps provide CLI11 and doctest ($cli_dir, $doctest_dir) and pydeb compiles"
