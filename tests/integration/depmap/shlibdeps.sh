#!/bin/bash
# Differential test: depmap's Debian mapping against dpkg-shlibdeps on the same staged tree.
# Fixtures: C extensions built here that link libz, libssl/libcrypto and libstdc++, a wheel-like
# extension with a vendored library in foo.libs/ reached through $ORIGIN, the corpus' vendored
# wheel, and the corpus' psycopg2 (-> libpq5) and PyYAML (-> libyaml-0-2) extensions.
# Every package dpkg-shlibdeps names must be in depmap's Depends with a version at least as
# high; vendored libraries must produce no dependency; nothing bundled may appear as python3-*.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"

driver=$PYDEB_BUILD_ROOT/tests/integration/depmap/depmap-driver
# Not $(scratch): its EXIT trap runs when the command substitution's subshell exits, removing
# the directory at once and never at the end.
work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-depmap-XXXXXX")
trap 'rm -rf "$work" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap
export XDG_CACHE_HOME=$work/cache # dpkg owner answers: cold first, then from the cache
prefix=/opt/venvs/depmap-test
# dpkg-shlibdeps wants a source tree: debian/control in cwd, the package tree in debian/PKG, and
# DEBIAN/ to find the package root that $ORIGIN is resolved against (scripts/dpkg-shlibdeps.pl).
src=$work/src
stage=$src/debian/depmap-test
site=$stage$prefix/lib/python3.11/site-packages
mkdir -p "$src/debian" "$stage/DEBIAN" "$site/foo.libs" "$site/foo" "$site/native"
printf 'Source: depmap-test\nMaintainer: t <t@example.org>\n\nPackage: depmap-test\nArchitecture: any\nDescription: t\n t\n' \
    > "$src/debian/control"

cd "$work"
cat > z.c <<'C'
#include <zlib.h>
int z(const unsigned char* in, unsigned long n, unsigned char* out, unsigned long* m)
{ return compress2(out, m, in, n, 9) + (int)deflateBound(0, n); }
C
cat > ssl.c <<'C'
#include <openssl/ssl.h>
#include <openssl/evp.h>
void* s(void) { EVP_MD_CTX* c = EVP_MD_CTX_new(); EVP_MD_CTX_free(c); return SSL_CTX_new(TLS_method()); }
C
cat > cxx.cpp <<'C'
#include <string>
#include <vector>
#include <stdexcept>
extern "C" int cxx(const char* s) { std::vector<std::string> v{s}; if (v.empty()) throw std::runtime_error("x"); return (int)v[0].size(); }
C
cat > vend.c <<'C'
#include <zlib.h>
const char* vend(void) { return zlibVersion(); }
C
cat > foo.c <<'C'
const char* vend(void);
const char* foo(void) { return vend(); }
C
cc -shared -fPIC -O2 -o "$site/native/_z.so" z.c -lz
cc -shared -fPIC -O2 -o "$site/native/_ssl.so" ssl.c -lssl -lcrypto
g++ -shared -fPIC -O2 -o "$site/native/_cxx.so" cxx.cpp
cc -shared -fPIC -O2 -Wl,-soname,libfoovend-1a2b.so.1 -o "$site/foo.libs/libfoovend-1a2b.so.1" vend.c -lz
cc -shared -fPIC -O2 -o "$site/foo/_foo.so" foo.c -L"$site/foo.libs" -l:libfoovend-1a2b.so.1 \
    -Wl,--enable-new-dtags,-rpath,'$ORIGIN/../foo.libs'

# Corpus wheels: psycopg2, PyYAML and the auditwheel-style vendored wheel, unzipped as installed.
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" >/dev/null
wheels=$PYDEB_CACHE/wheels
"$PYDEB_SOURCE_ROOT/tests/corpus/make-vendored-wheel.sh" "$work/vendored" >/dev/null
for wheel in "$wheels"/psycopg2-*.whl "$wheels"/PyYAML-*.whl "$work"/vendored/vendoredext-*.whl; do
    [[ -f $wheel ]] || fail "corpus wheel missing: $wheel"
    /usr/bin/python3 -m zipfile -e "$wheel" "$site"
done

mapfile -t objects < <(find "$stage$prefix" -type f -name '*.so*' | sort)
[[ ${#objects[@]} -ge 8 ]] || fail "expected at least 8 ELF objects, found ${#objects[@]}"

# The reference: dpkg-shlibdeps over every object.
(cd "$src" && dpkg-shlibdeps -O "${objects[@]/#$src\//}") > "$work/dpkg.out" 2> "$work/dpkg.err" \
    || { cat "$work/dpkg.err" >&2; fail "dpkg-shlibdeps failed"; }
reference=$(sed -n 's/^shlibs:Depends=//p' "$work/dpkg.out")
[[ -n $reference ]] || fail "dpkg-shlibdeps printed no shlibs:Depends"
echo "dpkg-shlibdeps: $reference"

"$driver" map deb "$stage" "$prefix" --interpreter /usr/bin/python3.11 > "$work/depmap.out" \
    2> "$work/depmap.err" || { cat "$work/depmap.err" >&2; fail "depmap-driver failed"; }
cat "$work/depmap.out"
ours=$(sed -n 's/^Depends: //p' "$work/depmap.out")

# Again, answered from the dpkg owner cache instead of info/*.list: the very same mapping.
"$driver" map deb "$stage" "$prefix" --interpreter /usr/bin/python3.11 > "$work/depmap-warm.out" \
    2>/dev/null || fail "depmap-driver failed with a warm cache"
cmp -s "$work/depmap.out" "$work/depmap-warm.out" ||
    { diff "$work/depmap.out" "$work/depmap-warm.out"; fail "the warm-cache mapping differs"; }
# (No cache while dpkg's database changed in the last seconds: an install may be running.)
if (($(date +%s) - $(stat -c %Y /var/lib/dpkg/status) > 5)); then
    ls "$XDG_CACHE_HOME"/pydeb/dpkg-owners/* >/dev/null || fail "no dpkg owner cache written"
fi
# As `pydeb build` maps: from the stage's listed files instead of a walk.
"$driver" map deb "$stage" "$prefix" --interpreter /usr/bin/python3.11 --listed \
    > "$work/depmap-listed.out" 2>/dev/null || fail "depmap-driver --listed failed"
cmp -s "$work/depmap.out" "$work/depmap-listed.out" ||
    { diff "$work/depmap.out" "$work/depmap-listed.out"; fail "the listed mapping differs"; }
pass "cold and warm mappings agree, walked and listed"

# Every dpkg-shlibdeps relation must be implied by one of ours.
IFS=',' read -r -a wanted <<< "$reference"
IFS=',' read -r -a have <<< "$ours"
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; echo "${s%"${s##*[![:space:]]}"}"; }
for want in "${wanted[@]}"; do
    want=$(trim "$want")
    if [[ $want =~ ^([a-z0-9.+-]+)\ \(\>=\ ([^\)]+)\)$ ]]; then
        name=${BASH_REMATCH[1]} minimum=${BASH_REMATCH[2]} ok=
        for h in "${have[@]}"; do
            h=$(trim "$h")
            if [[ $h =~ ^([a-z0-9.+-]+)\ \(\>=\ ([^\)]+)\)$ && ${BASH_REMATCH[1]} == "$name" ]] \
                && dpkg --compare-versions "${BASH_REMATCH[2]}" ge "$minimum"; then
                ok=1
            fi
        done
        [[ -n $ok ]] || fail "dpkg-shlibdeps wants '$want', depmap has: $ours"
    else
        printf '%s\n' "${have[@]}" | sed 's/^ *//' | has -xF -- "$want" \
            || fail "dpkg-shlibdeps wants '$want', depmap has: $ours"
    fi
    pass "$want"
done

# The expected packages are really there (the differential alone would pass if both missed them).
for pkg in libpq5 libyaml-0-2 zlib1g libssl3 libstdc++6 libc6 python3.11; do
    printf '%s\n' "${have[@]}" | sed 's/^ *//; s/ .*//' | has -xF "$pkg" || fail "Depends lacks $pkg"
done
pass "libpq5, libyaml-0-2, zlib1g, libssl3, libstdc++6 mapped"

# Vendored libraries: reported as bundled, never a dependency, nothing bundled as python3-*.
grep -q 'foo/_foo.so: libfoovend-1a2b.so.1 -> .*foo.libs/libfoovend-1a2b.so.1 \[bundled\]' "$work/depmap.out" \
    || fail "libfoovend not reported as bundled"
grep -q 'libvendored-abc123.so.1 -> .* \[bundled\]' "$work/depmap.out" \
    || fail "the corpus' vendored library not reported as bundled"
! grep -E '^Depends:.*(vend|python3-)' "$work/depmap.out" || fail "a bundled library leaked into Depends"
pass "vendored libraries produce no dependency"
[[ ! -s $work/depmap.err ]] || { cat "$work/depmap.err"; fail "unexpected warnings"; }
