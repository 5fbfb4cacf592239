#!/bin/bash
# End to end on a clean machine with `pydeb build`: the example application (examples/hello) as
# a .deb, installed by apt into a fresh debootstrap root with its mapped dependencies, run, upgraded
# with an edited conffile, purged. Needs the wheel corpus (tests/corpus/make-wheel-corpus.sh).
. "$PYDEB_SOURCE_ROOT/tests/integration/deb/lib.sh"
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for chroot"; exit 77; }
need debootstrap debootstrap
wheels=$PYDEB_CACHE/wheels
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$wheels" >/dev/null
compgen -G "$wheels/click-*.whl" >/dev/null || fail "no wheel corpus in $wheels (tests/corpus/make-wheel-corpus.sh)"
clean_root=$PYDEB_SOURCE_ROOT/tests/integration/lib/clean-root.sh

work=$(scratch)
root=$work/root
# Replaces common.sh's cleanup: unmount /proc in the root first, never cross file systems.
# shellcheck disable=SC2064 # expand now
trap "'$clean_root' --remove '$PYDEB_TEST_TMP'" EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
listing() {
    (cd "$root" && find . -xdev \( -path ./proc -o -path ./var/lib/dpkg -o -path ./var/lib/apt \
        -o -path ./var/cache -o -path ./var/log -o -path ./tmp -o -path ./run \) -prune -o -print) |
        LC_ALL=C sort
}

# Two versions of the example, built by pydeb from copies whose wheelhouse path is absolute.
for version in 1.0 2.0; do
    cp -r "$PYDEB_SOURCE_ROOT/examples/hello" "$work/src-$version"
    rm -rf "$work/src-$version/build"
    sed -i -e "s|^version: .*|version: \"$version\"|" \
        -e "s|wheelhouse: .*|wheelhouse: [\"$wheels\"]|" "$work/src-$version/pydeb.yaml"
    SOURCE_DATE_EPOCH=1700000000 "$PYDEB" build "$work/src-$version/pydeb.yaml" -o "$work/out" \
        --format deb >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "pydeb build $version"; }
done
ls "$work/out/hello_1.0-1_amd64.deb" "$work/out/hello_2.0-1_amd64.deb" >/dev/null || fail "package names"
pass "pydeb build wrote hello 1.0 and 2.0"

"$clean_root" "$root"
mount -t proc proc "$root/proc"
listing >"$work/before"
cp "$work"/out/*.deb "$root/tmp/"
# No Recommends: apt itself recommends ca-certificates, which python3.11 pulls in and autoremove
# then keeps (RecommendsImportant); the listing diff checks only what this package brought.
in_root apt-get install -y -qq --no-install-recommends /tmp/hello_1.0-1_amd64.deb >"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; fail "apt-get install hello 1.0"; }
in_root hello >"$work/run" 2>&1 || { cat "$work/run"; fail "hello does not run"; }
if ! grep -q 'Hello' "$work/run" || ! grep -q '&lt;packagers&gt; &amp; friends' "$work/run"; then
    cat "$work/run"
    fail "unexpected output of hello"
fi
in_root dpkg --verify hello || fail "dpkg --verify hello"
pass "apt installs hello with its dependencies and it runs: $(head -1 "$work/run")"

sed -i 's/^greeting: .*/greeting: Bonjour/' "$root/etc/hello/hello.yaml"
in_root apt-get install -y -qq --no-install-recommends /tmp/hello_2.0-1_amd64.deb >"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; fail "upgrade to hello 2.0"; }
# shellcheck disable=SC2016 # dpkg-query's format
[ "$(in_root dpkg-query -W -f '${Version}' hello)" = 2.0-1 ] || fail "not upgraded"
in_root hello | grep -c Bonjour >/dev/null || fail "the upgrade lost the edited conffile"
pass "upgrade to 2.0 keeps the edited conffile"

in_root apt-get purge -y -qq hello >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; fail "purge"; }
[ ! -e "$root/opt/venvs/hello" ] || fail "purge left $(find "$root/opt/venvs/hello" | head -5)"
[ ! -e "$root/etc/hello" ] || fail "purge left /etc/hello"
in_root apt-get autoremove --purge -y -qq >/dev/null 2>&1 || fail "autoremove"
listing >"$work/after"
# /opt: created unowned by base-files' postinst, removed by dpkg with its last owner (see
# deb-acceptance.sh). Everything else must be as before.
# Both listings are sorted (LC_ALL=C): comm -3 shows what only one of them has.
LC_ALL=C comm -3 "$work/before" "$work/after" >"$work/diff"
[ "$(awk '$0 != "./opt"' "$work/diff")" = "" ] ||
    { cat "$work/diff"; fail "purge left files behind (diff above)"; }
pass "apt-get purge and autoremove restore the root's file listing"
