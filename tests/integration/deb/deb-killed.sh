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
# Once the scratch data.tar exists, the writer is streaming files through xz (seconds for 16 MiB
# of random bytes).
terminate_mid_write "$driver" "$work/out/big.deb" '.big.deb.data.tmp-*'
pass "killed build left nothing in the output directory"

# The same build, not interrupted, does produce the package.
"$DEB_DRIVER" "$work/stage" "$work/out/big.deb" 1.0 none
dpkg-deb --info "$work/out/big.deb" >/dev/null || fail "big package unreadable"
[ "$(ls -A "$work/out")" = big.deb ] || fail "scratch file left after success: $(ls -A "$work/out")"
pass "uninterrupted build leaves exactly the package"
