#!/bin/bash
# A build killed by SIGTERM while writing a large .rpm leaves nothing at the output path and no
# scratch file beside it: the package's temporary and the scratch payload (written first, since
# the main header carries its digest) are both removed by the signal handler; as deb-killed.
. "$PYDEB_SOURCE_ROOT/tests/integration/rpm/lib.sh"
work=$(scratch)
make_stage "$work/stage" 1
big=$work/stage/opt/venvs/demo/lib/big
mkdir -p "$big" "$work/out"
# Incompressible data under xz: long enough a build that the signal arrives mid-write.
for i in $(seq 1 16); do head -c 1048576 /dev/urandom >"$big/blob$i"; done

# The driver itself in the background (exec: $! must be its pid, not a subshell's).
(SOURCE_DATE_EPOCH=1700000000 exec "$RPM_DRIVER" "$work/stage" "$work/out/big.rpm" name=demo \
    version=1.0 release=1 compression=xz) >"$work/driver.log" 2>&1 &
driver=$!
# Once the scratch payload exists, the writer is streaming files through xz (seconds for 16 MiB
# of random bytes).
terminate_mid_write "$driver" "$work/out/big.rpm" '.big.rpm.payload.tmp-*'
pass "killed build left nothing in the output directory"

# The same build, not interrupted, does produce the package, and nothing else.
build "$work/stage" "$work/out/big.rpm" 1 compression=gzip >"$work/driver.log" 2>&1 ||
    { cat "$work/driver.log"; fail "the uninterrupted build"; }
rpm -K --nosignature "$work/out/big.rpm" >/dev/null || fail "big package does not verify"
[ "$(ls -A "$work/out")" = big.rpm ] || fail "scratch file left after success: $(ls -A "$work/out")"
pass "uninterrupted build leaves exactly the package"
