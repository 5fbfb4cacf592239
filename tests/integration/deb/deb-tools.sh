#!/bin/bash
# The writer's output as Debian's own tools see it: dpkg-deb reads it and extracts exactly the
# staged tree, md5sums verify, Installed-Size equals dpkg-gencontrol's, lintian finds no error.
. "$PYDEB_SOURCE_ROOT/tests/integration/deb/lib.sh"
work=$(scratch)
make_stage "$work/stage" 1.0

for compression in zstd xz gzip none; do
    deb=$work/$compression.deb
    SOURCE_DATE_EPOCH=1700000000 "$DEB_DRIVER" "$work/stage" "$deb" 1.0 "$compression"
    dpkg-deb --info "$deb" >"$work/info" || fail "dpkg-deb --info rejects the $compression package"
    grep -q '^ Package: pydeb-hello$' "$work/info" || fail "no Package field"
    grep -q '^ Version: 1.0-1$' "$work/info" || fail "no Version field"
    dpkg-deb --contents "$deb" >/dev/null || fail "dpkg-deb --contents rejects $compression"
    pass "dpkg-deb reads the $compression package"
done

# Extracted data == staged tree (plus the generated doc and lintian files).
deb=$work/zstd.deb
dpkg-deb -x "$deb" "$work/x"
(cd "$work/stage" && find . | LC_ALL=C sort) >"$work/staged"
(cd "$work/x" && find . | LC_ALL=C sort) >"$work/extracted"
extra=$(LC_ALL=C comm -13 "$work/staged" "$work/extracted" | tr '\n' ' ')
[ "$extra" = "./usr/share ./usr/share/doc ./usr/share/doc/pydeb-hello ./usr/share/doc/pydeb-hello/changelog.Debian.gz ./usr/share/doc/pydeb-hello/copyright ./usr/share/lintian ./usr/share/lintian/overrides ./usr/share/lintian/overrides/pydeb-hello " ] \
    || fail "unexpected extra paths: $extra"
[ -z "$(LC_ALL=C comm -23 "$work/staged" "$work/extracted")" ] || fail "staged paths missing"
diff -r "$work/stage/opt" "$work/x/opt" || fail "contents differ"
[ "$(stat -c %a "$work/x/opt/venvs/pydeb-hello/bin/hello")" = 755 ] || fail "mode lost"
[ "$(readlink "$work/x/usr/bin/hello")" = /opt/venvs/pydeb-hello/bin/hello ] || fail "symlink"
pass "dpkg-deb -x gives back the staged tree"

# md5sums verify, and list every regular file except the conffile.
dpkg-deb -e "$deb" "$work/ctl"
(cd "$work/x" && md5sum --quiet -c "$work/ctl/md5sums") || fail "md5sums do not verify"
[ "$(wc -l <"$work/ctl/md5sums")" = "$(cd "$work/x" && find . -type f ! -path './etc/*' | wc -l)" ] \
    || fail "md5sums does not list every non-conffile"
[ "$(cat "$work/ctl/conffiles")" = /etc/pydeb-hello/hello.conf ] || fail "conffiles"
for script in preinst postinst prerm postrm; do
    [ ! -e "$work/ctl/$script" ] || sh -n "$work/ctl/$script" || fail "$script: sh -n"
done
pass "md5sums, conffiles and scripts"

# Installed-Size: differential against dpkg-gencontrol over the extracted tree.
mkdir -p "$work/gc/debian"
printf 'Source: pydeb-hello\nMaintainer: t <t@example.com>\n\nPackage: pydeb-hello\nArchitecture: all\nDescription: t\n t\n' \
    >"$work/gc/debian/control"
printf 'pydeb-hello (1.0-1) unstable; urgency=medium\n\n  * t\n\n -- t <t@example.com>  Thu, 01 Jan 1970 00:00:00 +0000\n' \
    >"$work/gc/debian/changelog"
expected=$(cd "$work/gc" && dpkg-gencontrol -ppydeb-hello -P"$work/x" -O 2>/dev/null | sed -n 's/^Installed-Size: //p')
actual=$(dpkg-deb -f "$deb" Installed-Size)
[ -n "$expected" ] || fail "dpkg-gencontrol printed no Installed-Size"
[ "$expected" = "$actual" ] || fail "Installed-Size $actual, dpkg-gencontrol says $expected"
pass "Installed-Size $actual matches dpkg-gencontrol"

# lintian: no errors (warnings are the spec's business, e.g. a missing man page), for xz and for
# zstd. bookworm's lintian (2.116) predates zstd members and calls them malformed-deb-archive
# although dpkg >= 1.21.18 reads them: a zstd package overrides that tag (pydeb(1), COMPRESSION),
# an xz one must not (the override would be unused).
for compression in xz zstd; do
    lintian --no-cfg --fail-on error "$work/$compression.deb" >"$work/lintian" 2>&1 ||
        { cat "$work/lintian"; fail "lintian errors ($compression)"; }
    grep '^E:' "$work/lintian" && fail "lintian reports errors ($compression)"
    sed "s/^/  lintian ($compression): /" "$work/lintian"
    # The shipped overrides are in effect, and used (no unused-override / mismatched-override).
    # --fail-on none: any tags were judged above; a non-zero exit here means lintian did not run.
    lintian --no-cfg --fail-on none --show-overrides -I "$work/$compression.deb" >"$work/lintian-o" 2>&1 ||
        { cat "$work/lintian-o"; fail "lintian did not run ($compression)"; }
    grep -q '^O: pydeb-hello: dir-or-file-in-opt' "$work/lintian-o" || { cat "$work/lintian-o"; fail "override not applied"; }
    ! grep -E 'unused-override|mismatched-override' "$work/lintian-o" || fail "stale lintian override ($compression)"
    if [[ $compression == zstd ]]; then
        grep -q '^O: pydeb-hello: malformed-deb-archive .*data.tar.zst' "$work/lintian-o" ||
            { cat "$work/lintian-o"; fail "zstd: malformed-deb-archive is not overridden"; }
    else
        ! dpkg-deb --fsys-tarfile "$work/xz.deb" | tar -xO ./usr/share/lintian/overrides/pydeb-hello |
            grep -q malformed-deb-archive || fail "the xz package carries the zstd override"
    fi
done
pass "lintian: no errors"
