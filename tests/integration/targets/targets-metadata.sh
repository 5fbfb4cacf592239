#!/bin/bash
# Issue #15 (targets:), against a real Debian mirror subset (tests/integration/lib/debian-mirror.sh:
# the signed InRelease, Packages.xz and Contents-amd64.gz of bullseye, bookworm and trixie, byte
# for byte, and the .debs of the libraries the evaluation app links) served by a loopback nginx
# that logs every request:
#  - the evaluation app with a bundled interpreter for target bookworm is mapped from bookworm's
#    own data: its Contents by hash, each library's control member by two range requests (206,
#    never the whole .deb), and its Depends are the build host's (a bookworm host), clause by
#    clause; 1.0-1~deb12 < 1.0-1~deb13 (dpkg --compare-versions); a second build makes no
#    request at all (item 5);
#  - bookworm served with its Contents-amd64.gz missing by hash and altered at its plain path (a
#    mirror out of step): the build warns naming that URL, finds each library's package by name
#    and confirms it by the file list of its own .deb (downloaded whole, checked against the
#    verified Packages), and its Depends are those of the Contents path, clause by clause; a
#    second build asks nothing; bullseye so served fails naming a soname no candidate ships, the
#    candidates tried and the release;
#  - [bookworm, trixie] in one build: trixie mapped from its Contents when the archive this suite
#    reaches serves the one its signed Release lists, else (as deb.debian.org in late 2026) by the
#    fallback above, with its warning;
#  - the same app for bullseye fails before writing, naming libc6's GLIBC_2.34 symbols and the
#    sonames bullseye lacks (item 2);
#  - a Packages.xz with one byte changed, an InRelease whose signature fails, an archive that is
#    not there are refused with messages naming the URL, and nothing is written (item 4);
#  - a bullseye package is xz-compressed unless the spec says otherwise; `pydeb deps` gives each
#    target's verdict; an rpm target gets its dist tag and is checked against its repository.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/evalapp.sh"
need nginx nginx-light
need gpgv gpgv
lib=$PYDEB_SOURCE_ROOT/tests/integration/lib
work=$(scratch)
bash "$lib/debian-mirror.sh" --packages "$(evalapp_libraries bookworm)" bookworm >/dev/null
bash "$lib/debian-mirror.sh" --packages "$(evalapp_libraries bullseye)" bullseye >/dev/null
mirror=$(bash "$lib/debian-mirror.sh" --packages "$(evalapp_libraries trixie)" trixie)

# www/good: the mirror; www/tampered: bookworm with one byte of its Packages.xz changed;
# www/badsig: bookworm whose InRelease has one byte of its signed text changed; www/stale:
# bookworm whose Contents-amd64.gz is not there by hash and another file at its plain path.
www=$work/www
mkdir -p "$www"
ln -s "$mirror/debian" "$www/good"
for bad in tampered badsig stale; do
    mkdir -p "$www/$bad/dists"
    cp -a "$mirror/debian/dists/bookworm" "$www/$bad/dists/"
done
cp -a "$mirror/debian/dists/bullseye" "$www/stale/dists/"
ln -s "$mirror/debian/pool" "$www/stale/pool"
for release in bookworm bullseye; do
    contents=$www/stale/dists/$release/main/Contents-amd64.gz
    rm "$(readlink -f "$contents")" "$contents"
    zcat "$(readlink -f "$mirror/debian/dists/$release/main/Contents-amd64.gz")" | sed 1d | gzip -1 >"$contents"
done
packages=$(readlink -f "$www/tampered/dists/bookworm/main/binary-amd64/Packages.xz")
printf '\x00' | dd of="$packages" bs=1 seek=4096 conv=notrunc status=none
sed -i '0,/^Suite: /s/^Suite: .*/Suite: stabl3/' "$www/badsig/dists/bookworm/InRelease"
# shellcheck disable=SC2064 # expand now
trap "bash '$lib/loopback-nginx.sh' stop '$work/nginx'; rm -rf '$PYDEB_TEST_TMP'" EXIT
port=$(bash "$lib/loopback-nginx.sh" start "$www" "$work/nginx")
url=http://127.0.0.1:$port
requests() { wc -l <"$work/nginx/access.log"; }

evalapp "$work" zstd # deb only
base=$(cat "$work/app/pydeb.yaml")
spec() { # TARGET-ITEMS...: the evaluation app's spec, deb only, with these targets
    { echo "$base"; echo "formats: [deb]"; echo "targets:"; printf '  - %s\n' "$@"; } >"$work/app/pydeb.yaml"
}
# A small pure-Python app on the system interpreter, where the app does not matter (the metadata
# is fetched before the install; xz on a large payload takes long).
small_spec() { # EXTRA-LINES TARGET-ITEMS...
    local extra=$1
    shift
    cat >"$work/app/pydeb.yaml" <<SPEC
$(small_app_header)
install: {requirements: [idna], wheelhouse: [$work/wheels]}
formats: [deb]
$extra
SPEC
    { echo "targets:"; printf '  - %s\n' "$@"; } >>"$work/app/pydeb.yaml"
}
build() { # OUT: pydeb build into OUT, its output in OUT.log
    (cd "$work/app" && XDG_CACHE_HOME=${xdg:-$work/xdg} "$PYDEB" build pydeb.yaml -o "$1") >"$1.log" 2>&1
}

# --- bookworm's own data, the second build from the cache -----------------------------------------
spec "{release: bookworm, archive: $url/good}"
build "$work/out1" || { cat "$work/out1.log"; fail "build for bookworm"; }
first=$(requests)
deb12=$work/out1/evalapp_1.0-1~deb12_amd64.deb
[ -f "$deb12" ] || fail "expected the bookworm .deb, got: $(ls "$work/out1")"
[ "$(dpkg-deb -f "$deb12" Version)" = 1.0-1~deb12 ] || fail "bookworm Version: $(dpkg-deb -f "$deb12" Version)"
dpkg --compare-versions 1.0-1~deb12 lt 1.0-1~deb13 || fail "~deb12 does not sort below ~deb13"
dpkg --compare-versions 1.0-1~deb13 lt 1.0-1 || fail "~deb13 does not sort below a build without targets"
log=$work/nginx/access.log
has -E '^GET /good/dists/bookworm/main/binary-amd64/by-hash/SHA256/[0-9a-f]{64} 200 ' "$log" ||
    fail "Packages.xz not fetched by hash: $(cat "$log")"
has -E '^GET /good/dists/bookworm/main/by-hash/SHA256/7e72214b4cef520fa07fc40ff975c60bc4501eca6308cf5cd9804c00811b776b 200 ' "$log" ||
    fail "Contents-amd64.gz not fetched by the hash bookworm's Release lists: $(cat "$log")"
debs=$(grep -c '^GET /good/pool/' "$log"; :)
ranged=$(grep -cE '^GET /good/pool/main/[^ ]+\.deb 206 ' "$log"; :)
[[ $debs = 44 && $ranged = 44 ]] || fail "expected 2 range requests (206) for each of 22 libraries, got $debs ($ranged ranged): $(grep pool "$log")"
[ "$first" = $((3 + debs)) ] || fail "expected InRelease, Packages.xz, Contents and $debs ranges, got $first: $(cat "$log")"
build "$work/out2" || { cat "$work/out2.log"; fail "second build"; }
[ "$(requests)" = "$first" ] || fail "the second build made requests: $(tail -n +"$((first + 1))" "$work/nginx/access.log")"
cmp "$deb12" "$work/out2/${deb12##*/}" || fail "the second build's bookworm .deb differs: $(diff <(dpkg-deb -I "$deb12" control) <(dpkg-deb -I "$work/out2/${deb12##*/}" control))"
pass "second build: no request (the cached InRelease is verified again, the indexes by SHA256, the control files kept)"

# The oracle on this bookworm host: the same app built without targets (the host's dpkg database,
# which the depmap tests hold to dpkg-shlibdeps) has the same Depends, clause by clause.
{ echo "$base"; echo "formats: [deb]"; } >"$work/app/pydeb.yaml"
build "$work/outhost" || { cat "$work/outhost.log"; fail "build without targets"; }
host_depends=$(dpkg-deb -f "$work/outhost/evalapp_1.0-1_amd64.deb" Depends | tr ',' '\n' | sed 's/^ //')
target_depends=$(dpkg-deb -f "$deb12" Depends | tr ',' '\n' | sed 's/^ //')
[ "$host_depends" = "$target_depends" ] ||
    fail "bookworm's own data and the bookworm host disagree: $(diff <(echo "$host_depends") <(echo "$target_depends"))"
pass "bookworm mapped from its Contents and $((debs / 2)) control members ($debs range requests, $first in all): $(echo "$target_depends" | wc -l) clauses as the host's"

# --- a mirror out of step: the Contents its Release lists cannot be had ---------------------------
# The fallback must give what the Contents gave: the same Depends, from each library's own .deb.
spec "{release: bookworm, archive: $url/stale}"
before=$(requests)
xdg=$work/xdg-stale build "$work/out8" || { cat "$work/out8.log"; fail "build for bookworm from a mirror out of step"; }
has -F "warning: target bookworm: GET $url/stale/dists/bookworm/main/Contents-amd64.gz: sha256 mismatch" "$work/out8.log" ||
    fail "no warning naming the Contents' URL: $(cat "$work/out8.log")"
has -F "confirmed by the file list of its own .deb" "$work/out8.log" || fail "the warning does not say what is done instead: $(cat "$work/out8.log")"
stale_log=$(tail -n +"$((before + 1))" "$log")
has -E '^GET /stale/dists/bookworm/main/by-hash/SHA256/7e72214b4cef520fa07fc40ff975c60bc4501eca6308cf5cd9804c00811b776b 404 ' <<<"$stale_log" ||
    fail "the Contents was not asked for by hash first: $stale_log"
whole=$(grep -cE '^GET /stale/pool/main/[^ ]+\.deb 200 ' <<<"$stale_log"; :)
[ "$(grep -c '^GET /stale/pool/' <<<"$stale_log")" = "$whole" ] || fail "range requests besides whole .debs: $stale_log"
[ "$whole" -ge $((debs / 2)) ] || fail "expected at least the $((debs / 2)) libraries' .debs whole, got $whole: $stale_log"
fallback_depends=$(dpkg-deb -f "$work/out8/${deb12##*/}" Depends | tr ',' '\n' | sed 's/^ //')
[ "$fallback_depends" = "$target_depends" ] ||
    fail "the fallback and the Contents disagree: $(diff <(echo "$target_depends") <(echo "$fallback_depends"))"
after=$(requests)
xdg=$work/xdg-stale build "$work/out9" || { cat "$work/out9.log"; fail "second build from a mirror out of step"; }
[ "$(requests)" = "$after" ] || fail "the second fallback build made requests: $(tail -n +"$((after + 1))" "$log")"
has -F "warning: target bookworm: GET $url/stale/dists/bookworm/main/Contents-amd64.gz" "$work/out9.log" ||
    fail "the second build does not warn: $(cat "$work/out9.log")"
pass "bookworm without a verified Contents: $whole .debs fetched whole and checked, $(echo "$fallback_depends" | wc -l) clauses as from the Contents; a second build asks nothing"
# A soname no candidate ships: bullseye has no libcrypto.so.3 (its libssl1.1 ships libcrypto.so.1.1);
# the candidates are §8.1's names and the host's owner, libssl3, each with its t64 twin.
spec "{release: bullseye, archive: $url/stale, compression: xz}" # (the base says zstd)
if xdg=$work/xdg-stale build "$work/out11"; then fail "a bullseye build from a mirror out of step succeeded"; fi
has -F "target bullseye: libcrypto.so.3: no package of bullseye is known to ship it: tried libcrypto3 (not in its Packages), libcrypto3t64 (not in its Packages), libcrypto-3 (not in its Packages), libcrypto-3t64 (not in its Packages), libssl3 (not in its Packages), libssl3t64 (not in its Packages);" "$work/out11.log" ||
    fail "the failure does not name the soname, the candidates and the release: $(cat "$work/out11.log")"
[ -z "$(ls -A "$work/out11" 2>/dev/null)" ] || fail "a failed build wrote: $(ls "$work/out11")"
pass "a soname no candidate ships, refused: $(grep -o 'libcrypto.so.3: [^;]*' "$work/out11.log" | head -1)"

# --- [bookworm, trixie] in one build ----------------------------------------------------------------
spec "{release: bookworm, archive: $url/good}" "{release: trixie, archive: $url/good}"
before=$(requests)
build "$work/out7" || { cat "$work/out7.log"; fail "build for bookworm and trixie"; }
deb13=$work/out7/evalapp_1.0-1~deb13_amd64.deb
[ -f "$deb13" ] || fail "expected a trixie .deb, got: $(ls "$work/out7"; cat "$work/out7.log")"
[ "$(dpkg-deb -f "$work/out7/${deb12##*/}" Depends | tr ',' '\n' | sed 's/^ //')" = "$target_depends" ] ||
    fail "the bookworm package of a [bookworm, trixie] build has other Depends: $(dpkg-deb -f "$work/out7/${deb12##*/}" Depends)"
trixie_log=$(tail -n +"$((before + 1))" "$log")
if [ -e "$mirror/debian/dists/trixie/main/Contents-amd64.gz" ]; then
    ! has -F "warning: target trixie" "$work/out7.log" || fail "a warning with trixie's Contents served: $(cat "$work/out7.log")"
    how="from its Contents"
else
    has -F "warning: target trixie: GET $url/good/dists/trixie/main/Contents-amd64.gz: HTTP 404" "$work/out7.log" ||
        fail "no warning naming trixie's Contents: $(cat "$work/out7.log")"
    how="without its Contents (not on the archive): $(grep -cE '^GET /good/pool/[^ ]+ 200 ' <<<"$trixie_log") .debs whole"
fi
trixie_depends=$(dpkg-deb -f "$deb13" Depends | tr ',' '\n' | sed 's/^ //')
# trixie's own packages: the t64 ones of the 64-bit time_t transition where bookworm has others.
for clause in "libssl3t64 (>= 3.0.0)" "libreadline8t64 (>= 7.0~beta)" libdb5.3t64 "libc6 (>= 2.35)"; do
    has -xF "$clause" <<<"$trixie_depends" || fail "trixie's Depends lack '$clause': $trixie_depends"
done
pass "trixie mapped $how; $(dpkg-deb -f "$deb13" Depends | tr ',' '\n' | wc -l) clauses"

# --- bullseye: the bundled bookworm interpreter needs a newer glibc ---------------------------------
spec "{release: bullseye, archive: $url/good, compression: xz}" # (the base says zstd)
if build "$work/out3"; then fail "a bullseye build with the host's interpreter succeeded"; fi
has -F "the package's ELF objects need what the release does not have:" "$work/out3.log" || fail "no bullseye failure: $(cat "$work/out3.log")"
has -E "python3\.11: __libc_start_main@GLIBC_2\.34: libc\.so\.6 of libc6 \(it has only __libc_start_main@GLIBC_2\.2\.5\) in bullseye is older than the one it was linked against" "$work/out3.log" ||
    fail "the failure does not name glibc (libc6's GLIBC_2.34) and bullseye: $(cat "$work/out3.log")"
has -E "_ssl\.cpython-311-x86_64-linux-gnu\.so: libssl\.so\.3: no ELF 64-bit x86-64 library of that name in bullseye" "$work/out3.log" ||
    fail "the failure does not name libssl.so.3: $(cat "$work/out3.log")"
[ -z "$(ls -A "$work/out3" 2>/dev/null)" ] || fail "a failed build wrote: $(ls "$work/out3")"
pass "bullseye refused before writing, naming glibc: $(grep -c ' in bullseye' "$work/out3.log") lines, e.g. $(grep -o '__libc_start_main@GLIBC_2.34: [^)]*)' "$work/out3.log" | head -1)"

# --- refused metadata, nothing written ------------------------------------------------------------
refused() { # NAME TARGET-ITEM EXPECTED-TEXT...
    local name=$1 item=$2
    shift 2
    small_spec "" "$item"
    if xdg=$work/xdg-$name build "$work/out-$name"; then fail "$name: the build succeeded"; fi
    for text in "$@"; do
        has -F "$text" "$work/out-$name.log" || fail "$name: no '$text' in: $(cat "$work/out-$name.log")"
    done
    [ -z "$(ls -A "$work/out-$name" 2>/dev/null)" ] || fail "$name: a failed build wrote: $(ls "$work/out-$name")"
    pass "$name refused: $(grep -m1 error "$work/out-$name.log")"
}
refused tampered "{release: bookworm, archive: $url/tampered}" \
    "target bookworm: GET $url/tampered/dists/bookworm/main/binary-amd64/by-hash/SHA256/" \
    "sha256 mismatch" "not the main/binary-amd64/Packages.xz the verified InRelease lists; refused"
refused badsig "{release: bookworm, archive: $url/badsig}" \
    "target bookworm: $url/badsig/dists/bookworm/InRelease: the signature does not verify against /usr/share/keyrings/debian-archive-keyring.gpg (" \
    "BAD signature" "refused"
refused missing "{release: bookworm, archive: $url/nothing-here}" \
    "target bookworm: GET $url/nothing-here/dists/bookworm/InRelease"

# --- bullseye gets xz ---------------------------------------------------------------------------
# (on the system interpreter, bullseye's own python3.9: targets-system-python.sh installs it)
small_spec "" "{release: bullseye, archive: $url/good}"
build "$work/out4" || { cat "$work/out4.log"; fail "bullseye build"; }
dpkg-deb -f "$work/out4/small_1.0-1~deb11_amd64.deb" Depends | tr ',' '\n' | sed 's/^ *//' | has -xF python3.9 ||
    fail "the bullseye .deb does not depend on bullseye's python3.9: $(dpkg-deb -f "$work/out4/small_1.0-1~deb11_amd64.deb" Depends)"
members=$(ar t "$work/out4/small_1.0-1~deb11_amd64.deb" | tr '\n' ' ')
[[ $members == *"data.tar.xz"* ]] || fail "the bullseye .deb's members: $members"
pass "bullseye .deb without a compression in the spec: $members"

# --- pydeb deps: each target's verdict on the same relations ----------------------------------------
small_spec "" "{release: bullseye, archive: $url/good}" "{release: bookworm, archive: $url/good}" \
    "{release: trixie, archive: $url/good}"
before=$(requests)
(cd "$work/app" && XDG_CACHE_HOME=$work/xdg "$PYDEB" deps -q pydeb.yaml) >"$work/deps.txt" 2>&1 ||
    { cat "$work/deps.txt"; fail "pydeb deps with targets"; }
[ "$(requests)" = "$before" ] || fail "pydeb deps fetched again: $(tail -n +"$((before + 1))" "$work/nginx/access.log")"
expected="target bullseye 1.0-1~deb11: installable
target bookworm 1.0-1~deb12: installable
target trixie 1.0-1~deb13: installable"
[ "$(grep '^target ' "$work/deps.txt")" = "$expected" ] || fail "pydeb deps: $(cat "$work/deps.txt")"
has -E '^soname +bullseye +bookworm +trixie$' "$work/deps.txt" || fail "pydeb deps: no side-by-side header: $(cat "$work/deps.txt")"
[ "$(grep -c '^  Depends: ' "$work/deps.txt")" = 3 ] || fail "pydeb deps: not one Depends per target: $(cat "$work/deps.txt")"
pass "pydeb deps: $(grep -c '^target ' "$work/deps.txt") targets, each with its release's verdict (and its own python3.X), no request"

# --- an rpm target: its repositories, its dist tag --------------------------------------------------
need createrepo_c createrepo-c
need rpm rpm
mkdir -p "$work/el9"
createrepo_c -q "$work/el9"
small_spec "check-installable: warn" "{rpm: el9, repositories: [$work/el9]}"
sed -i 's/^formats: \[deb\]$/formats: [rpm]/' "$work/app/pydeb.yaml"
build "$work/out5" || { cat "$work/out5.log"; fail "rpm target build"; }
rpm=$work/out5/small-1.0-1.el9.x86_64.rpm
[ "$(rpm -qp --qf '%{RELEASE}' "$rpm")" = 1.el9 ] || fail "rpm release: $(ls "$work/out5")"
has -F "nothing provides python(abi) = 3.11 needed by small-1.0-1.el9.x86_64" "$work/out5.log" ||
    fail "the rpm target was not checked against its repository: $(cat "$work/out5.log")"
pass "rpm target el9: release 1.el9, checked against its (empty) repository"
