#!/bin/bash
# pydeb's own .rpm from rpm/pydeb.spec: rpmbuild -bb --nodeps (Debian's rpmdb cannot satisfy
# BuildRequires) on a release tarball made from the source tree; the rpm holds the binary, the
# rpm macros and generator, the debhelper addon and the man pages, and rpm -K passes.
# --without check: the unit tests are their own meson tests, and are not built. The compiles go
# through ccache, without compiler flags, one own-package build at a time (own_package_build): the
# .deb's and the .rpm's builds compile pydeb once between them.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
need rpmbuild rpm
work=$(scratch)
src=$PYDEB_SOURCE_ROOT
mkdir -p "$work/top/SOURCES" "$work/pydeb-0.1.0"
tar -C "$src" --exclude='./build*' --exclude=./.git --exclude=./tests/corpus/cache \
    --exclude=./_build --exclude='./examples/*/out' --exclude=./bench/out -cf - . | tar -C "$work/pydeb-0.1.0" -xf -
tar -C "$work" -czf "$work/top/SOURCES/pydeb-0.1.0.tar.gz" pydeb-0.1.0
own_package_build rpmbuild -bb --nodeps --without check --define "_topdir $work/top" "$src/rpm/pydeb.spec" \
    >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "rpmbuild of rpm/pydeb.spec"; }
has -F 'ccache c++' "$work/build.log" || fail "rpmbuild did not compile through ccache"
rpm=$(ls "$work"/top/RPMS/*/pydeb-0.1.0-1*.rpm)
rpm -qlp "$rpm" >"$work/files"
for path in /usr/bin/pydeb /usr/bin/dh_pydeb /usr/lib/rpm/macros.d/macros.pydeb /usr/lib/rpm/fileattrs/pydeb.attr \
    /usr/lib/rpm/pydeb.req /usr/share/perl5/Debian/Debhelper/Sequence/pydeb.pm \
    /usr/share/bash-completion/completions/pydeb; do
    grep -qxF "$path" "$work/files" || fail "$path is missing from the rpm"
done
grep -q '^/usr/share/man/man1/dh_pydeb\.1' "$work/files" || fail "dh_pydeb(1) is missing from the rpm"
rpm -K "$rpm" | has 'digests OK' || fail "rpm -K"
pass "rpmbuild -bb --nodeps rpm/pydeb.spec"
