#!/bin/bash
# Issue #15, "Done when" item 1 for bookworm: the evaluation app (bundled interpreter) built for
# target bookworm, its Depends mapped from bookworm's own Contents and control files (a loopback
# nginx serving the cached mirror subset), is held to the oracle: inside a clean bookworm root
# (tests/integration/lib/clean-root.sh) where apt-get installs the package (and with it the same
# libraries), dpkg-shlibdeps over the package's ELF objects; every relation it computes must be
# implied by one of ours, clause by clause; then the app runs there. (trixie: the archive this
# suite reaches lacks the Contents its signed Release lists; targets-metadata.sh checks that
# refusal.)
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/evalapp.sh"
need nginx nginx-light
need file file
need debootstrap debootstrap
[ "$(id -u)" = 0 ] || fail "needs root (chroot, apt in a debootstrap root)"
lib=$PYDEB_SOURCE_ROOT/tests/integration/lib
work=$(scratch)
libs="libc6 libblas3 liblapack3 libbz2-1.0 libcrypt1 libdb5.3 libexpat1 libxslt1.1 liblzma5 libncursesw6
 libnsl2 libpq5 libreadline8 libsqlite3-0 libtinfo6 libtirpc3 libuuid1 libxml2 libyaml-0-2 zlib1g libssl3 libffi8"
mirror=$(bash "$lib/debian-mirror.sh" --packages "$libs" bookworm)
mkdir -p "$work/www"
ln -s "$mirror/debian" "$work/www/good"
root=$work/root
# shellcheck disable=SC2064 # expand now
trap "bash '$lib/loopback-nginx.sh' stop '$work/nginx'; bash '$lib/clean-root.sh' --remove '$root'; rm -rf '$PYDEB_TEST_TMP'" EXIT
port=$(bash "$lib/loopback-nginx.sh" start "$work/www" "$work/nginx")

evalapp "$work"
{ echo "formats: [deb]"; echo "targets: [{release: bookworm, archive: http://127.0.0.1:$port/good}]"; } >>"$work/app/pydeb.yaml"
(cd "$work/app" && XDG_CACHE_HOME=$work/xdg "$PYDEB" build pydeb.yaml -o "$work/out") >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "build for bookworm"; }
deb=$work/out/evalapp_1.0-1~deb12_amd64.deb
ours=$(dpkg-deb -f "$deb" Depends)

bash "$lib/clean-root.sh" "$root" bookworm
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"; }
cp "$deb" "$root/tmp/"
in_root apt-get install -y -q --no-install-recommends "/tmp/${deb##*/}" dpkg-dev >"$work/apt.log" 2>&1 ||
    { tail -20 "$work/apt.log"; fail "apt-get install ./${deb##*/} in a clean bookworm root"; }
# The oracle, in the root: dpkg-shlibdeps over every ELF object of the package (the bundle's own
# libraries, which the installed evalapp owns without shlibs, are no dependency).
mkdir -p "$root/tmp/src/debian"
printf 'Source: evalapp\n\nPackage: evalapp\nArchitecture: amd64\n' >"$root/tmp/src/debian/control"
dpkg-deb -x "$deb" "$work/x"
(cd "$work/x" && find opt -type f -exec file {} + | grep -E ': *ELF 64-bit LSB (shared object|pie executable|executable)' |
    cut -d: -f1 | sed 's|^|/|') >"$root/tmp/objects"
[ "$(wc -l <"$root/tmp/objects")" -ge 20 ] || fail "few ELF objects in the package: $(cat "$root/tmp/objects")"
in_root sh -c 'cd /tmp/src && xargs dpkg-shlibdeps -O --ignore-missing-info -l/opt/venvs/evalapp/python/lib </tmp/objects' \
    >"$work/dpkg.out" 2>"$work/dpkg.err" || { cat "$work/dpkg.err"; fail "dpkg-shlibdeps in the bookworm root"; }
reference=$(sed -n 's/^shlibs:Depends=//p' "$work/dpkg.out")
[ -n "$reference" ] || fail "dpkg-shlibdeps printed no shlibs:Depends: $(cat "$work/dpkg.out" "$work/dpkg.err")"
echo "dpkg-shlibdeps in bookworm: $reference"
echo "ours: $ours"
# Every clause of the oracle is implied by a clause of ours (same alternatives; a >= at least as high).
checked=0
while IFS= read -r want; do
    want=$(sed 's/^ *//; s/ *$//' <<<"$want")
    [[ $want == evalapp* ]] && continue
    if [[ $want =~ ^([a-z0-9.+-]+)\ \(\>=\ ([^\)]+)\)$ ]]; then
        name=${BASH_REMATCH[1]} minimum=${BASH_REMATCH[2]} ok=
        while IFS= read -r have; do
            have=$(sed 's/^ *//; s/ *$//' <<<"$have")
            if [[ $have =~ ^([a-z0-9.+-]+)\ \(\>=\ ([^\)]+)\)$ && ${BASH_REMATCH[1]} == "$name" ]] &&
                dpkg --compare-versions "${BASH_REMATCH[2]}" ge "$minimum"; then
                ok=1
            fi
        done < <(tr ',' '\n' <<<"$ours")
        [ -n "$ok" ] || fail "dpkg-shlibdeps in bookworm wants '$want'; ours: $ours"
    else
        tr ',' '\n' <<<"$ours" | sed 's/^ *//' | has -xF -- "$want" || fail "dpkg-shlibdeps in bookworm wants '$want'; ours: $ours"
    fi
    checked=$((checked + 1))
done < <(tr ',' '\n' <<<"$reference")
[ "$checked" -ge 15 ] || fail "only $checked clauses from dpkg-shlibdeps: $reference"
pass "bookworm: each of dpkg-shlibdeps' $checked clauses (run in a clean bookworm root) is implied by ours"

mount -t proc proc "$root/proc"
in_root /opt/venvs/evalapp/bin/python -W ignore -c '
import flask, requests, lxml.etree, numpy, psycopg2, yaml, psutil, ssl, sqlite3
numpy.linalg.inv(numpy.eye(3))
print("ok", numpy.__version__)' >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "the app in the bookworm root"; }
pass "bookworm: apt-get installs it in a clean root and the app runs ($(cat "$work/run.log"))"
