#!/bin/bash
# The same staging tree and SOURCE_DATE_EPOCH give byte-identical packages, whatever the working
# directory, umask, locale, time zone and temporary directory of the build.
. "$PYDEB_SOURCE_ROOT/tests/integration/rpm/lib.sh"
work=$(scratch)
make_stage "$work/stage" 1
mkdir -p "$work/a" "$work/b" "$work/tmp-b"
for compression in zstd xz gzip; do
    (cd "$work/a" && umask 022 && LC_ALL=C TZ=UTC build "$work/stage" "$work/a/p.rpm" 1 \
        compression=$compression)
    (cd "$work/b" && umask 077 && LC_ALL=C.UTF-8 TZ=Pacific/Auckland TMPDIR="$work/tmp-b" \
        build ../stage ../b/p.rpm 1 compression=$compression)
    cmp "$work/a/p.rpm" "$work/b/p.rpm" || fail "$compression: two builds differ"
    [ "$(stat -c %a "$work/b/p.rpm")" = 644 ] || fail "output mode depends on the umask"
    pass "$compression: identical rebuilds"
done
# The check can fail: another epoch gives another package.
SOURCE_DATE_EPOCH=1700000001 build "$work/stage" "$work/c.rpm" 1 compression=gzip
! cmp -s "$work/a/p.rpm" "$work/c.rpm" || fail "SOURCE_DATE_EPOCH is ignored"
pass "SOURCE_DATE_EPOCH reaches the package"
