#!/bin/bash
# Issue #15, "Done when" item 1: the evaluation app (bundled interpreter) built once for
# `targets: [bookworm, trixie]`, each package's Depends mapped from its release's own data (a
# loopback nginx serving the cached mirror subset; trixie's Contents when the archive serves the
# one its signed Release lists, else the verified fallback of pydeb(1) TARGETS), is held to the
# oracle of its release: inside a clean root of that release (tests/integration/lib/clean-root.sh)
# where apt-get installs the package (and with it the same libraries), dpkg-shlibdeps over the
# package's ELF objects computes the same clauses as ours, one for one; then the app runs there.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/evalapp.sh"
need nginx nginx-light
need file file
need debootstrap debootstrap
[ "$(id -u)" = 0 ] || fail "needs root (chroot, apt in a debootstrap root)"
lib=$PYDEB_SOURCE_ROOT/tests/integration/lib
work=$(scratch)
mirror=$(bash "$lib/debian-mirror.sh" --packages "$(evalapp_libraries bookworm)" bookworm)
bash "$lib/debian-mirror.sh" --packages "$(evalapp_libraries trixie)" trixie >/dev/null
mkdir -p "$work/www"
ln -s "$mirror/debian" "$work/www/good"
# shellcheck disable=SC2064 # expand now
trap "bash '$lib/loopback-nginx.sh' stop '$work/nginx'; bash '$lib/clean-root.sh' --remove '$work/root-bookworm'; bash '$lib/clean-root.sh' --remove '$work/root-trixie'; rm -rf '$PYDEB_TEST_TMP'" EXIT
port=$(bash "$lib/loopback-nginx.sh" start "$work/www" "$work/nginx")

evalapp "$work" zstd # deb only
{ echo "formats: [deb]"; echo "targets:"
  for release in bookworm trixie; do echo "  - {release: $release, archive: http://127.0.0.1:$port/good}"; done
} >>"$work/app/pydeb.yaml"
(cd "$work/app" && XDG_CACHE_HOME=$work/xdg "$PYDEB" build pydeb.yaml -o "$work/out") >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "build for bookworm and trixie"; }
grep 'warning: target' "$work/build.log" || :
# `pydeb deps` shows the two targets' mappings side by side (from the cached metadata), and each
# target's Depends there is the one its package got.
(cd "$work/app" && XDG_CACHE_HOME=$work/xdg "$PYDEB" deps -q pydeb.yaml) >"$work/deps.txt" 2>"$work/deps.err" ||
    { cat "$work/deps.txt" "$work/deps.err"; fail "pydeb deps for bookworm and trixie"; }
has -E '^soname +bookworm +trixie$' "$work/deps.txt" || fail "no side-by-side header: $(cat "$work/deps.txt")"
grep -E '^libssl\.so\.3 ' "$work/deps.txt" | has -E '^libssl\.so\.3 +libssl3 \(>= [^)]+\) +libssl3t64 \(>= [^)]+\)$' ||
    fail "libssl.so.3 is not libssl3 on bookworm and libssl3t64 on trixie side by side: $(cat "$work/deps.txt")"
for n in 12:bookworm 13:trixie; do
    shown=$(awk -v t="target ${n#*:} " 'index($0, t) == 1 { f = 1; next } f && /^  Depends: / { sub(/^  Depends: /, ""); print; exit }' "$work/deps.txt")
    [ "$shown" = "$(dpkg-deb -f "$work/out/evalapp_1.0-1~deb${n%%:*}_amd64.deb" Depends)" ] ||
        fail "pydeb deps shows for ${n#*:}: '$shown'; its package: $(dpkg-deb -f "$work/out/evalapp_1.0-1~deb${n%%:*}_amd64.deb" Depends)"
done
pass "pydeb deps: the sonames side by side ($(grep -E '^libssl\.so\.3 ' "$work/deps.txt" | tr -s ' ')), each target's Depends as built"
dpkg-deb -x "$work/out/evalapp_1.0-1~deb12_amd64.deb" "$work/x"
(cd "$work/x" && find opt -type f -exec file {} + | grep -E ': *ELF 64-bit LSB (shared object|pie executable|executable)' |
    cut -d: -f1 | sed 's|^|/|') >"$work/objects"
[ "$(wc -l <"$work/objects")" -ge 20 ] || fail "few ELF objects in the package: $(cat "$work/objects")"

oracle() { # RELEASE N: the oracle and the app run for evalapp_1.0-1~debN in a clean RELEASE root
    local release=$1 deb=$work/out/evalapp_1.0-1~deb$2_amd64.deb root=$work/root-$1 ours reference
    [ -f "$deb" ] || fail "no $release package: $(ls "$work/out")"
    ours=$(dpkg-deb -f "$deb" Depends)
    bash "$lib/clean-root.sh" "$root" "$release"
    in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"; }
    cp "$deb" "$root/tmp/"
    in_root apt-get install -y -q --no-install-recommends "/tmp/${deb##*/}" dpkg-dev >"$work/apt.log" 2>&1 ||
        { tail -20 "$work/apt.log"; fail "apt-get install ./${deb##*/} in a clean $release root"; }
    # The oracle, in the root: dpkg-shlibdeps over every ELF object of the package (the bundle's own
    # libraries, which the installed evalapp owns without shlibs, are no dependency; both packages
    # hold the same objects).
    mkdir -p "$root/tmp/src/debian"
    printf 'Source: evalapp\n\nPackage: evalapp\nArchitecture: amd64\n' >"$root/tmp/src/debian/control"
    cp "$work/objects" "$root/tmp/objects"
    in_root sh -c 'cd /tmp/src && xargs dpkg-shlibdeps -O --ignore-missing-info -l/opt/venvs/evalapp/python/lib </tmp/objects' \
        >"$work/dpkg.out" 2>"$work/dpkg.err" || { cat "$work/dpkg.err"; fail "dpkg-shlibdeps in the $release root"; }
    reference=$(sed -n 's/^shlibs:Depends=//p' "$work/dpkg.out")
    [ -n "$reference" ] || fail "dpkg-shlibdeps printed no shlibs:Depends: $(cat "$work/dpkg.out" "$work/dpkg.err")"
    echo "dpkg-shlibdeps in $release: $reference"
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
            [ -n "$ok" ] || fail "dpkg-shlibdeps in $release wants '$want'; ours: $ours"
        else
            tr ',' '\n' <<<"$ours" | sed 's/^ *//' | has -xF -- "$want" || fail "dpkg-shlibdeps in $release wants '$want'; ours: $ours"
        fi
        checked=$((checked + 1))
    done < <(tr ',' '\n' <<<"$reference")
    [ "$checked" -ge 15 ] || fail "only $checked clauses from dpkg-shlibdeps: $reference"
    # ... and ours has no clause more: the same clauses, one for one.
    clauses() { tr ',' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^evalapp' | sort; }
    [ "$(clauses <<<"$ours")" = "$(clauses <<<"$reference")" ] ||
        fail "$release: ours and dpkg-shlibdeps' differ: $(diff <(clauses <<<"$reference") <(clauses <<<"$ours"))"
    pass "$release: ours are dpkg-shlibdeps' $checked clauses (run in a clean $release root), one for one"

    mount -t proc proc "$root/proc"
    in_root /opt/venvs/evalapp/bin/python -W ignore -c '
import flask, requests, lxml.etree, numpy, psycopg2, yaml, psutil, ssl, sqlite3
numpy.linalg.inv(numpy.eye(3))
print("ok", numpy.__version__)' >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "the app in the $release root"; }
    pass "$release: apt-get installs it in a clean root and the app runs ($(cat "$work/run.log"))"
}

oracle bookworm 12
oracle trixie 13
