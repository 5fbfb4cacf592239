#!/bin/bash
# pydeb's own .deb: dpkg-buildpackage -b from a copy of the source tree (build directories and
# caches left out), then
#  - the .deb holds what "meson install" installs (differential: same path set as meson's install
#    plan, `meson introspect --installed`, man pages gzipped by dh_compress, plus
#    /usr/share/doc), including the debhelper addon, dh_pydeb, the autoscripts, the rpm macros and
#    generator, and the man pages;
#  - it Provides dh-sequence-pydeb;
#  - it installs with apt into a clean bookworm root (tests/integration/lib/clean-root.sh) and
#    "pydeb --version" runs there.
# DEB_BUILD_OPTIONS=nocheck: the unit tests are their own meson tests, and are not built. The
# compiles go through ccache, without compiler flags, one own-package build at a time
# (own_package_build): the .deb's and the .rpm's builds compile pydeb once between them.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
work=$(scratch)
src=$PYDEB_SOURCE_ROOT

mkdir "$work/pydeb-0.1.0"
tar -C "$src" --exclude='./build*' --exclude=./.git --exclude=./tests/corpus/cache \
    --exclude=./_build --exclude='./examples/*/out' --exclude=./bench/out -cf - . | tar -C "$work/pydeb-0.1.0" -xf -
(cd "$work/pydeb-0.1.0" && DEB_BUILD_OPTIONS="nocheck parallel=2" own_package_build dpkg-buildpackage -us -uc -b) \
    >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "dpkg-buildpackage of pydeb"; }
has -F 'ccache c++' "$work/build.log" || fail "dpkg-buildpackage did not compile through ccache"
deb=$(ls "$work"/pydeb_0.1.0-1_*.deb)
pass "dpkg-buildpackage -b built ${deb##*/}"

dpkg-deb -f "$deb" Provides | has -w dh-sequence-pydeb || fail "pydeb does not Provide dh-sequence-pydeb"

# The .deb's files against what a plain "meson install" of the same tree installs: meson's install
# plan, known at configure time, so nothing is compiled a second time.
dpkg-deb --fsys-tarfile "$deb" | tar -tf - | grep -v '/$' | sed 's|^\./|/|; s|\.gz$||' |
    grep -v '^/usr/share/doc/' | sort >"$work/deb-files"
meson setup "$work/meson" "$work/pydeb-0.1.0" --prefix=/usr -Dintegration=false -Dtests=false >/dev/null
meson introspect "$work/meson" --installed |
    python3 -c 'import json, sys; print(*sorted(json.load(sys.stdin).values()), sep="\n")' >"$work/meson-files"
[ "$(wc -l <"$work/meson-files")" -ge 10 ] || fail "meson plans to install only: $(cat "$work/meson-files")"
diff -u "$work/meson-files" "$work/deb-files" || fail "the .deb and meson install differ"
for path in /usr/bin/pydeb /usr/bin/dh_pydeb /usr/share/perl5/Debian/Debhelper/Sequence/pydeb.pm \
    /usr/share/debhelper/autoscripts/prerm-pydeb-pycache /usr/lib/rpm/macros.d/macros.pydeb \
    /usr/lib/rpm/fileattrs/pydeb.attr /usr/lib/rpm/pydeb.req /usr/share/man/man1/dh_pydeb.1 \
    /usr/share/man/man1/pydeb.1 /usr/share/man/man5/pydeb.yaml.5 /usr/share/bash-completion/completions/pydeb; do
    grep -qxF "$path" "$work/deb-files" || fail "$path is missing from the .deb"
done
pass "the .deb holds what meson install installs"

root=$work/root
bash "$src/tests/integration/lib/clean-root.sh" "$root"
cp "$deb" "$root/tmp/"
# Its Depends only: the Recommends (python3, pip, setuptools, wheel, bubblewrap) are Debian's own
# packages, and installing python3 byte-compiles its standard library, the larger part of this
# test's CPU time; what is checked here is pydeb's own relations and files.
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "/tmp/${deb##*/}" >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get install pydeb in a clean root"; }
chroot "$root" pydeb --version | has '^pydeb 0.1.0' || fail "pydeb --version in the clean root"
pass "installs and runs in a clean bookworm root"

# The man pages, as a user reads them after install (man-db is not in minbase).
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends man-db \
    >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get install man-db"; }
chroot "$root" env MANPAGER=cat man pydeb | has 'pydeb build' || fail "man pydeb"
chroot "$root" env MANPAGER=cat man 5 pydeb.yaml | has 'entry-points' || fail "man 5 pydeb.yaml"
chroot "$root" env MANPAGER=cat man dh_pydeb | has 'dh_pydeb' || fail "man dh_pydeb"
pass "man pydeb, man 5 pydeb.yaml and man dh_pydeb render in the clean root"
