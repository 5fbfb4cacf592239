#!/bin/bash
# make-seeds.sh PYDEB OUTDIR: the generated seed corpora of the fuzz targets, one directory per
# target under OUTDIR, made from what the test corpus and this host hold (nothing generated is
# committed): the wheel corpus (tests/corpus/make-wheel-corpus.sh) and the files inside its
# wheels, the specs in the tree, a lockfile PYDEB writes, the host's dpkg status, apt lists,
# *.symbols and *.shlibs, ELF objects from /usr/lib, and small interpreter-prefix tar archives in
# each compression. Inputs are capped at 256 KiB (libFuzzer's -max_len for these targets).
set -euo pipefail
pydeb=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/tests/cache-dir.sh"
wheels=$PYDEB_CACHE/wheels
[ -d "$wheels" ] || { echo "no wheel corpus in $wheels: bash tests/corpus/make-wheel-corpus.sh" >&2; exit 1; }
for tool in python3 tar gzip xz zstd lz4; do
    command -v "$tool" >/dev/null || { echo "$tool missing: tests/install-deps.sh" >&2; exit 1; }
done
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
max=262144

# Wheels, and what is inside them: METADATA, RECORD, WHEEL, entry_points.txt, the versions and
# requirements METADATA names, the extension modules.
python3 - "$wheels" "$out" "$max" <<'PY'
import os, re, sys, zipfile
wheels, out, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
def put(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > limit:
        return
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)
for whl in sorted(os.listdir(wheels)):
    if not whl.endswith(".whl"):
        continue
    path = os.path.join(wheels, whl)
    put("wheel", whl, whl.encode() + b"\n" + open(path, "rb").read())
    put("version", whl + ".name", whl)
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            base = info.filename.rsplit("/", 1)[-1]
            if ".dist-info/" in info.filename and base in ("METADATA", "RECORD", "WHEEL", "entry_points.txt"):
                target = {"METADATA": "metadata", "RECORD": "record", "WHEEL": "wheel_file",
                          "entry_points.txt": "entry_points"}[base]
                text = z.read(info)
                put(target, whl, text)
                if base == "METADATA":
                    for line in text.decode("utf-8", "replace").splitlines():
                        key, _, value = line.partition(": ")
                        if key == "Requires-Dist":
                            put("requirement", "%s.%d" % (whl, hash(value) & 0xffff), value)
                            spec = re.sub(r"^[A-Za-z0-9._-]+(\[[^]]*\])?\s*\(?", "", value.split(";")[0]).rstrip(") ")
                            if spec:
                                put("version", "%s.%d" % (whl, hash(spec) & 0xffff), spec)
                        elif key in ("Version", "Requires-Python"):
                            put("version", "%s.%s" % (whl, key), value)
            elif base.endswith(".so") and info.file_size <= limit:
                put("elf", whl + "." + base, z.read(info))
PY

# Specs: every pydeb.yaml-like file in the tree.
mkdir -p "$out/spec"
find "$root/examples" "$root/tests" "$root/bench" -name '*.yaml' -size -256k -print0 |
    while IFS= read -r -d '' f; do cp "$f" "$out/spec/$(echo "${f#"$root"/}" | tr / _)"; done

# A lockfile, requirements files: what pydeb itself writes from the wheel corpus.
mkdir -p "$out/lockfile" "$out/requirements_file" "$work/lock"
printf 'flask\nrequests[socks] >= 2 ; python_version >= "3"\nPyYAML\npsycopg2\n' >"$out/requirements_file/corpus"
cat >"$work/lock/pydeb.yaml" <<YAML
name: seeds
version: "1.0"
summary: fuzz seed lockfile
description: fuzz seed lockfile
maintainer: Jane Doe <jane@example.com>
license: MIT
python: {interpreter: /usr/bin/python3}
install:
  prefix: /opt/venvs/seeds
  requirements: ["flask", "requests", "PyYAML", "psycopg2", "click>=8"]
  wheelhouse: ["$wheels"]
YAML
"$pydeb" lock --no-cache "$work/lock/pydeb.yaml" >/dev/null
cp "$work/lock/pydeb.lock" "$out/lockfile/corpus.lock"

# deb822: the host's dpkg status and apt lists, cut into pieces of whole stanzas, plain and in
# each compression apt uses; this tree's debian/control and debian/changelog.
mkdir -p "$out/deb822"
python3 - /var/lib/dpkg/status "$out/deb822" status 16384 <<'PY'
import sys
text, out, prefix, size = open(sys.argv[1], "rb").read(), sys.argv[2], sys.argv[3], int(sys.argv[4])
stanzas, chunk, n = text.split(b"\n\n"), b"", 0
for s in stanzas:
    chunk += s + b"\n\n"
    if len(chunk) >= size:
        open("%s/%s.%03d" % (out, prefix, n), "wb").write(chunk)
        chunk, n = b"", n + 1
        if n == 24:
            break
PY
list=$(find /var/lib/apt/lists -name '*_Packages*' | sort | awk 'NR == 1') # awk, not head: no SIGPIPE under pipefail
if [ -n "$list" ]; then
    # The first 64 KiB: head closes the pipe early, so the decompressor's SIGPIPE is expected;
    # what counts is that some stanzas came out.
    (
        set +o pipefail
        case $list in
        *.lz4) lz4 -dc "$list" ;; *.xz) xz -dc "$list" ;; *.gz) gzip -dc "$list" ;; *) cat "$list" ;;
        esac | head -c 65536 >"$work/Packages"
    )
    grep -q '^Package: ' "$work/Packages" || { echo "no stanza read from $list" >&2; exit 1; }
    cp "$work/Packages" "$out/deb822/Packages"
    gzip -9nc "$work/Packages" >"$out/deb822/Packages.gz"
    xz -c "$work/Packages" >"$out/deb822/Packages.xz"
    zstd -qc "$work/Packages" >"$out/deb822/Packages.zst"
    lz4 -qc "$work/Packages" >"$out/deb822/Packages.lz4"
fi
cp "$root/debian/control" "$out/deb822/control"
cp "$root/debian/changelog" "$out/deb822/changelog"

# symbols and shlibs of the host's packages.
mkdir -p "$out/symbols"
find /var/lib/dpkg/info \( -name '*.symbols' -o -name '*.shlibs' \) -size -256k -print0 |
    while IFS= read -r -d '' f; do cp "$f" "$out/symbols/"; done

# ELF objects: small libraries and executables of the host (and the extension modules above).
mkdir -p "$out/elf"
# (awk, not head: head exits after 40 lines, and sort's SIGPIPE then fails the pipeline under
# pipefail whenever the list outgrows the pipe buffer.)
find /usr/lib/x86_64-linux-gnu -maxdepth 1 -name '*.so*' -type f -size -128k | sort | awk 'NR <= 40' |
    while IFS= read -r f; do cp "$f" "$out/elf/"; done
for f in /usr/bin/true /usr/bin/env; do cp "$f" "$out/elf/bin-${f##*/}"; done

# Interpreter archives: a small prefix (files, a symlink, a hard link, directories) at the top and
# under python/, in each compression.
mkdir -p "$out/tar" "$work/prefix/bin" "$work/prefix/lib/python3.11/encodings"
printf '#!/bin/sh\n' >"$work/prefix/bin/python3.11"
chmod 755 "$work/prefix/bin/python3.11"
ln -s python3.11 "$work/prefix/bin/python3"
printf 'import os\n' >"$work/prefix/lib/python3.11/os.py"
printf '' >"$work/prefix/lib/python3.11/encodings/__init__.py"
ln "$work/prefix/lib/python3.11/os.py" "$work/prefix/lib/python3.11/os-link.py"
tar -C "$work/prefix" --format=gnu -cf "$out/tar/top.tar" .
tar -C "$work" --format=pax --transform 's|^prefix|python|' -cf "$work/under.tar" prefix
cp "$work/under.tar" "$out/tar/under-python.tar"
gzip -9nc "$work/under.tar" >"$out/tar/under-python.tar.gz"
xz -c "$work/under.tar" >"$out/tar/under-python.tar.xz"
zstd -qc "$work/under.tar" >"$out/tar/under-python.tar.zst"
tar -C "$work/prefix" --format=ustar -cf "$out/tar/ustar.tar" .

for d in "$out"/*/; do printf '%s %s\n' "$(find "$d" -type f | wc -l)" "$(basename "$d")"; done
