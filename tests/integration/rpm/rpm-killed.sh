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
# Wait for the scratch payload: the writer is then streaming files through xz (seconds for
# 16 MiB of random bytes), and the package's own temporary file exists as well.
for _ in $(seq 1 600); do
    scratch_file=$(find "$work/out" -name '.big.rpm.payload.tmp-*' 2>/dev/null | head -1)
    [ -n "$scratch_file" ] && break
    kill -0 "$driver" 2>/dev/null || break
    sleep 0.1
done
[ -n "$scratch_file" ] || { cat "$work/driver.log"; fail "the build never started writing its payload (or finished too early)"; }
[ "$(find "$work/out" -name '.big.rpm*' | wc -l)" = 2 ] ||
    fail "expected the package's and the payload's temporary files: $(ls -A "$work/out")"
kill -TERM "$driver"
status=0
wait "$driver" || status=$?
[ "$status" = 143 ] || fail "expected the driver to die of SIGTERM (143), got $status"
[ -z "$(ls -A "$work/out")" ] || fail "left behind: $(ls -A "$work/out")"
pass "killed build left nothing in the output directory"

# The same build, not interrupted, does produce the package, and nothing else.
build "$work/stage" "$work/out/big.rpm" 1 compression=gzip >"$work/driver.log" 2>&1 ||
    { cat "$work/driver.log"; fail "the uninterrupted build"; }
rpm -K --nosignature "$work/out/big.rpm" >/dev/null || fail "big package does not verify"
[ "$(ls -A "$work/out")" = big.rpm ] || fail "scratch file left after success: $(ls -A "$work/out")"
pass "uninterrupted build leaves exactly the package"
