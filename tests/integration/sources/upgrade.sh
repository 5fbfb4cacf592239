#!/bin/bash
# pydeb lock keeps an existing lock's versions where they still fit; --upgrade NAME moves only
# NAME, --upgrade moves everything (issue #19). Two click versions: the corpus's 8.1.3 and an
# 8.1.4 repacked from it (METADATA Version and the file name changed, RECORD rewritten).
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
WH="$PYDEB_CACHE/wheels"
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$WH" >/dev/null
work=$(scratch)
export XDG_CACHE_HOME=$work/cache
mkdir "$work/wheels"
cp "$WH"/click-8.1.3-*.whl "$WH"/six-*.whl "$work/wheels/"
cat >"$work/pydeb.yaml" <<SPEC
name: upgrade-test
version: "1.0"
summary: lock --upgrade
description: Two click versions.
maintainer: Jane Doe <jane@example.com>
license: MIT
install:
  requirements: [click, six]
  wheelhouse: [wheels]
SPEC
bump() { # WHEEL NEW-VERSION: the same wheel, another version
    /usr/bin/python3 - "$@" <<'PY'
import base64, hashlib, os, sys, zipfile
src, new = sys.argv[1], sys.argv[2]
name, old = os.path.basename(src).split("-")[:2]
dst = os.path.join(os.path.dirname(src), os.path.basename(src).replace(f"-{old}-", f"-{new}-"))
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
    records = []
    for item in zin.infolist():
        data = zin.read(item)
        path = item.filename.replace(f"{name}-{old}.dist-info", f"{name}-{new}.dist-info")
        if path.endswith(".dist-info/RECORD"):
            record = path
            continue
        if path.endswith(".dist-info/METADATA"):
            data = data.replace(f"Version: {old}\n".encode(), f"Version: {new}\n".encode())
        zout.writestr(path, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        records.append(f"{path},sha256={digest},{len(data)}")
    zout.writestr(record, "\n".join(records + [f"{record},,"]) + "\n")
PY
}
locked() { awk -v n="$1" '$1 == "wheel" && $2 == n {print $3}' "$work/pydeb.lock"; }

"$PYDEB" -q lock "$work/pydeb.yaml" >/dev/null || fail "first lock"
[ "$(locked click)" = 8.1.3 ] || fail "first lock: $(cat "$work/pydeb.lock")"
bump "$work/wheels/click-8.1.3-py3-none-any.whl" 8.1.4
bump "$work/wheels/$(basename "$WH"/six-*.whl)" 1.99.0
"$PYDEB" -q lock "$work/pydeb.yaml" >/dev/null || fail "lock again"
[ "$(locked click) $(locked six)" = "8.1.3 1.16.0" ] || fail "pydeb lock moved a locked version: $(cat "$work/pydeb.lock")"
"$PYDEB" -q lock "$work/pydeb.yaml" --upgrade click >/dev/null || fail "lock --upgrade click"
[ "$(locked click) $(locked six)" = "8.1.4 1.16.0" ] || fail "--upgrade click: $(cat "$work/pydeb.lock")"
"$PYDEB" -q lock "$work/pydeb.yaml" --upgrade >/dev/null || fail "lock --upgrade"
[ "$(locked click) $(locked six)" = "8.1.4 1.99.0" ] || fail "--upgrade: $(cat "$work/pydeb.lock")"
pass "pydeb lock keeps locked versions; --upgrade click moves click only; --upgrade moves all"
