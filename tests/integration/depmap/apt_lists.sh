#!/bin/bash
# The host's real apt lists (bookworm: *_Packages.lz4, which libsolv cannot open itself), loaded
# as the installability check loads them (libarchive streaming into repo_add_debpackages), give
# exactly the solvables that the text apt decompresses (`apt-helper cat-file`) gives: same
# names, versions, architectures, Multi-Arch and relations of every kind, in the same order. The
# loader passes libsolv only the fields the solver uses; the text path passes all of them.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"

driver=$PYDEB_BUILD_ROOT/tests/integration/depmap/depmap-driver
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-depmap-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
shopt -s nullglob
lists=(/var/lib/apt/lists/*_Packages*)
((${#lists[@]})) || fail "no apt lists: run apt-get update"

for list in "${lists[@]}"; do
    name=$(basename "$list")
    /usr/lib/apt/apt-helper cat-file "$list" > "$work/text"
    "$driver" solvables text "$work/text" > "$work/from-text"
    "$driver" solvables apt "$list" > "$work/from-list"
    stanzas=$(awk '/^Package:/ { n++ } END { print n + 0 }' "$work/text")
    loaded=$(wc -l < "$work/from-list")
    [[ $loaded -eq $stanzas ]] || fail "$name: $loaded solvables for $stanzas stanzas"
    cmp -s "$work/from-text" "$work/from-list" ||
        { diff "$work/from-text" "$work/from-list" | head -20; fail "$name: the solvables differ"; }
    pass "$name: $loaded solvables, identical to apt-helper cat-file's text"
done

# The dpkg status goes through the same stream (uncompressed), and keeps its Status field.
"$driver" solvables text /var/lib/dpkg/status > "$work/status-text"
"$driver" solvables apt /var/lib/dpkg/status > "$work/status-stream"
cmp -s "$work/status-text" "$work/status-stream" ||
    { diff "$work/status-text" "$work/status-stream" | head -20; fail "dpkg status: the solvables differ"; }
has ' status:install ok installed ' "$work/status-stream" || fail "no Status reached libsolv"
pass "dpkg status: $(wc -l < "$work/status-stream") solvables, identical"
