#!/bin/bash
# Reproducibility: the same staging tree and SOURCE_DATE_EPOCH give byte-identical packages,
# whatever the working directory, umask, locale, time zone and temporary directory of the build.
. "$PYDEB_SOURCE_ROOT/tests/integration/deb/lib.sh"
need diffoscope diffoscope-minimal
work=$(scratch)
make_stage "$work/stage" 1.0
mkdir -p "$work/a" "$work/b" "$work/tmp-b"

for compression in zstd xz gzip none; do
    (cd "$work/a" && umask 022 && LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH=1700000000 \
        "$DEB_DRIVER" "$work/stage" "$work/a/p.deb" 1.0 "$compression")
    (cd "$work/b" && umask 077 && LC_ALL=C.UTF-8 TZ=Pacific/Auckland TMPDIR="$work/tmp-b" \
        SOURCE_DATE_EPOCH=1700000000 "$DEB_DRIVER" ../stage ../b/p.deb 1.0 "$compression")
    cmp "$work/a/p.deb" "$work/b/p.deb" || {
        diffoscope "$work/a/p.deb" "$work/b/p.deb" >&2 && fail "$compression: cmp and diffoscope disagree"
        fail "$compression: two builds differ"
    }
    [ "$(stat -c %a "$work/b/p.deb")" = 644 ] || fail "output mode depends on the umask"
    pass "$compression: identical rebuilds"
done

# The check can fail: another epoch gives another package.
SOURCE_DATE_EPOCH=1700000001 "$DEB_DRIVER" "$work/stage" "$work/c.deb" 1.0 zstd
! cmp -s "$work/a/p.deb" "$work/c.deb" || fail "SOURCE_DATE_EPOCH is ignored"
(cd "$work/a" && SOURCE_DATE_EPOCH=1700000000 "$DEB_DRIVER" "$work/stage" p.deb 1.0 zstd)
(cd "$work/b" && SOURCE_DATE_EPOCH=1700000000 "$DEB_DRIVER" "$work/stage" p.deb 1.0 zstd)
diffoscope "$work/a/p.deb" "$work/b/p.deb" || fail "diffoscope finds differences"
pass "diffoscope: no differences"
pass "SOURCE_DATE_EPOCH reaches the package"
