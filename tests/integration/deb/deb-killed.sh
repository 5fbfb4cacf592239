#!/bin/bash
# A build killed by SIGTERM while writing a large package leaves nothing at the output path, and
# no scratch file beside it.
. "$PYDEB_SOURCE_ROOT/tests/integration/deb/lib.sh"
work=$(scratch)
make_stage "$work/stage" 1.0
big=$work/stage/opt/venvs/pydeb-hello/lib/big
mkdir -p "$big" "$work/out"
# Incompressible data under xz: long enough a build that the signal arrives mid-write.
for i in $(seq 1 16); do head -c 1048576 /dev/urandom >"$big/blob$i"; done

"$DEB_DRIVER" "$work/stage" "$work/out/big.deb" 1.0 xz &
driver=$!
# Wait for the scratch data.tar: the writer is then streaming files through xz (seconds for
# 16 MiB of random bytes), and the package's own temporary file exists as well.
for _ in $(seq 1 600); do
    scratch_file=$(find "$work/out" -name '.big.deb.data.tmp-*' 2>/dev/null | head -1)
    [ -n "$scratch_file" ] && break
    kill -0 "$driver" 2>/dev/null || break
    sleep 0.1
done
[ -n "$scratch_file" ] || fail "the build never started writing data.tar (or finished too early)"
[ "$(find "$work/out" -name '.big.deb*' | wc -l)" = 2 ] || fail "expected the package's and data.tar's temporary files"
kill -TERM "$driver"
status=0
wait "$driver" || status=$?
[ "$status" = 143 ] || fail "expected the driver to die of SIGTERM (143), got $status"
[ -z "$(ls -A "$work/out")" ] || fail "left behind: $(ls -A "$work/out")"
pass "killed build left nothing in the output directory"

# The same build, not interrupted, does produce the package.
"$DEB_DRIVER" "$work/stage" "$work/out/big.deb" 1.0 none
dpkg-deb --info "$work/out/big.deb" >/dev/null || fail "big package unreadable"
[ "$(ls -A "$work/out")" = big.deb ] || fail "scratch file left after success: $(ls -A "$work/out")"
pass "uninterrupted build leaves exactly the package"
