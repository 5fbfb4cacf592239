#!/bin/bash
# pydeb resolve / lock / build through the CLI on examples/hello: the printed set, the lockfile
# used exactly (a changed wheel fails loudly, naming it), and a dependency no repository has
# fails the build naming it, leaving no package behind.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >/dev/null
work=$(scratch)
cp -r "$PYDEB_SOURCE_ROOT/examples/hello" "$work/hello"
mkdir "$work/wheels"
for w in click-8.1.3 MarkupSafe-2.1.2 PyYAML-6.0; do cp "$PYDEB_CACHE"/wheels/$w-*.whl "$work/wheels/"; done
sed -i 's|wheelhouse: .*|wheelhouse: ["../wheels"]|' "$work/hello/pydeb.yaml"
cd "$work/hello"

"$PYDEB" resolve pydeb.yaml >resolved.txt 2>resolve.err || { cat resolve.err; fail "pydeb resolve"; }
printf '%s\n' click==8.1.3 hello==1.0 markupsafe==2.1.2 pyyaml==6.0 | diff - resolved.txt ||
    fail "pydeb resolve printed another set"
pass "pydeb resolve prints the project and its wheels as name==version"

"$PYDEB" lock pydeb.yaml >/dev/null || fail "pydeb lock"
grep -q '^wheel pyyaml 6.0 PyYAML-6.0-cp311-cp311-linux_x86_64.whl sha256=' pydeb.lock || fail "lock content: $(cat pydeb.lock)"
! grep -q '^wheel hello ' pydeb.lock || fail "the project's own wheel is rebuilt each time and must not be locked"
"$PYDEB" build pydeb.yaml -o out --format deb >/dev/null 2>build.err || { cat build.err; fail "build with the lock"; }
pass "pydeb lock writes the lock and build uses it"

# --no-cache (a global flag, also accepted after the subcommand) reads and writes no cache;
# without it the same build fills CACHE_HOME/pydeb. --timings reports each stage and a total.
rm -rf out
XDG_CACHE_HOME=$PWD/cache-off "$PYDEB" build --no-cache --timings pydeb.yaml -o out --format deb >/dev/null 2>build.err ||
    { cat build.err; fail "build --no-cache"; }
[ ! -e cache-off ] || fail "--no-cache wrote $(find cache-off | head -5)"
for stage in prepare resolve install collect 'map (deb)' 'write .deb' total; do
    grep -q "^pydeb: timings: $stage  *[0-9.]* s$" build.err || fail "--timings: no '$stage' line in $(cat build.err)"
done
rm -rf out
XDG_CACHE_HOME=$PWD/cache-on "$PYDEB" build pydeb.yaml -o out --format deb >/dev/null 2>build.err ||
    { cat build.err; fail "build with a cache"; }
[ -d cache-on/pydeb/interpreters ] || fail "a build without --no-cache must fill the cache: $(find cache-on | head)"
! grep -q 'timings' build.err || fail "--timings output without --timings: $(cat build.err)"
pass "--no-cache writes no cache, a default build does; --timings prints every stage"

# The one cache store, for users: `cache info` lists every kind with its entries; `cache clean`
# empties it (LRU down to --max-size, default 0); the next build fills it again, same bytes.
export XDG_CACHE_HOME=$PWD/cache-on
"$PYDEB" cache info >info.out || fail "pydeb cache info"
grep -q "^cache: $PWD/cache-on/pydeb " info.out || fail "cache info must name the store: $(cat info.out)"
for kind in interpreters wheels hashes wheel-metadata payloads; do
    n=$(awk -v k="$kind" '$1 == k {print $2}' info.out)
    [[ ${n:-0} -ge 1 ]] || fail "cache info: no $kind entries after a build: $(cat info.out)"
done
cp out/*.deb first.deb
if "$PYDEB" cache clean --max-size lots >clean.out 2>clean.err; then fail "--max-size lots must be refused"; fi
grep -q 'max-size lots' clean.err || fail "the error must name the bad size: $(cat clean.err)"
"$PYDEB" cache clean --max-size 1M >/dev/null || fail "pydeb cache clean --max-size 1M"
used=$(find cache-on/pydeb -type f ! -path '*/.tmp-*' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
((used <= 1100000)) || fail "cache clean --max-size 1M left $used bytes"
"$PYDEB" cache clean >clean.out || fail "pydeb cache clean"
"$PYDEB" cache info >info.out
grep -q '^total: 0 entries' info.out || fail "cache clean left entries: $(cat info.out)"
rm -rf out
"$PYDEB" build pydeb.yaml -o out --format deb >/dev/null 2>build.err || { cat build.err; fail "build after clean"; }
cmp -s first.deb out/*.deb || fail "the build after cache clean differs from the one before"
unset XDG_CACHE_HOME
pass "pydeb cache info lists each kind; cache clean empties it (LRU to --max-size); same bytes after"

# Same name, other bytes: the locked hash no longer matches.
w=$(ls ../wheels/PyYAML-*.whl)
python3 - "$w" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "a") as z:
    z.writestr("yaml/extra.txt", "changed\n")
PY
rm -rf out
if "$PYDEB" build pydeb.yaml -o out --format deb >/dev/null 2>build.err; then fail "a changed locked wheel must fail the build"; fi
grep -q 'PyYAML-6.0-cp311-cp311-linux_x86_64.whl' build.err || fail "the error must name the wheel: $(cat build.err)"
[ ! -e out ] || [ -z "$(ls -A out)" ] || fail "a failed build left $(ls out)"
pass "a locked wheel whose sha256 changed fails loudly, naming it: $(head -1 build.err)"

cp "$PYDEB_CACHE"/wheels/PyYAML-6.0-*.whl ../wheels/
rm pydeb.lock
sed -i 's|^formats:.*|formats: [deb]\ndeb: {depends: [libdoesnotexist9]}|' pydeb.yaml
if "$PYDEB" build pydeb.yaml -o out >/dev/null 2>build.err; then fail "an uninstallable Depends must fail"; fi
grep -q 'libdoesnotexist9' build.err || fail "the error must name libdoesnotexist9: $(cat build.err)"
[ ! -e out ] || [ -z "$(ls -A out)" ] || fail "a failed build left $(ls out)"
pass "deb: {depends: [libdoesnotexist9]} fails the build naming it, no package written"
