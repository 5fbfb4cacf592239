#!/bin/bash
# The installability check against the host's own repositories (apt lists, lz4-compressed on
# bookworm, plus the dpkg status), through libsolv: a package whose Depends are what depmap maps
# for a real extension installs; one that also needs libdoesnotexist9 and a too-new libc6 fails,
# and both problems are named (not only the first).
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"

driver=$PYDEB_BUILD_ROOT/tests/integration/depmap/depmap-driver
# Not $(scratch): its EXIT trap runs when the command substitution's subshell exits, removing
# the directory at once and never at the end.
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-depmap-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
export XDG_CACHE_HOME=$work/cache   # exercise the .solv cache from cold, and keep $HOME clean
ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || fail "no apt lists: run apt-get update"

stage=$work/stage
mkdir -p "$stage/opt/app/lib"
printf '#include <zlib.h>\nconst char* v(void) { return zlibVersion(); }\n' > "$work/z.c"
cc -shared -fPIC -o "$stage/opt/app/lib/_z.so" "$work/z.c" -lz
"$driver" map deb "$stage" /opt/app --interpreter /usr/bin/python3.11 > "$work/map.out"
mapfile -t depends < <(sed -n 's/^Depends: //p' "$work/map.out" | sed 's/, /\n/g')
[[ ${#depends[@]} -ge 2 ]] || fail "expected zlib1g and python3.11 in: ${depends[*]}"

"$driver" check deb myapp 1.0-1 amd64 -- "${depends[@]}" > "$work/ok.out" \
    || { cat "$work/ok.out"; fail "the mapped Depends (${depends[*]}) should be installable"; }
pass "installable: ${depends[*]}"
ls "$XDG_CACHE_HOME"/pydeb/checks/* >/dev/null || fail "no installability memo was written"

# The same check again is answered by the memo; without it, the lists are loaded a second time
# (which writes their .solv caches) and a third time from those caches: always the same answer.
"$driver" check deb myapp 1.0-1 amd64 -- "${depends[@]}" >/dev/null || fail "memo answer differs"
for load in second third; do
    rm -r "$XDG_CACHE_HOME/pydeb/checks"
    "$driver" check deb myapp 1.0-1 amd64 -- "${depends[@]}" >/dev/null || fail "$load load differs"
    ls "$XDG_CACHE_HOME"/pydeb/solv/*.solv >/dev/null || fail "no .solv cache after the $load load"
done
pass "memo, second and .solv-cached loads agree"

set +e
"$driver" check deb myapp 1.0-1 amd64 -- "${depends[@]}" libdoesnotexist9 'libc6 (>= 99)' > "$work/bad.out"
rc=$?
set -e
cat "$work/bad.out"
[[ $rc -eq 1 ]] || fail "expected exit 1 for an uninstallable package, got $rc"
grep -q 'nothing provides libdoesnotexist9 needed by myapp' "$work/bad.out" || fail "libdoesnotexist9 not named"
grep -q 'nothing provides libc6 >= 99 needed by myapp' "$work/bad.out" || fail "libc6 (>= 99) not named"
pass "every problem named"
