#!/bin/bash
# The payload cache (src/package/deb/payload_cache.hpp) and the default epoch
# (src/pipeline/entry_facts.hpp) through `pydeb build`, checked with dpkg-deb and md5sum:
#  - without SOURCE_DATE_EPOCH every mtime is the newest input's, so builds of the same inputs are
#    the same bytes: cold, warm (caches filled) and --no-cache alike;
#  - the warm build takes data.tar from the cache: the entry is touched, md5sums agree with what
#    dpkg-deb extracts;
#  - new inputs (a `files:` entry) give a new payload, equal to a --no-cache build of them;
#  - a damaged entry (one byte changed, same size) is not used, and is replaced;
#  - xz payloads and a given SOURCE_DATE_EPOCH behave the same.
# With --perf (meson suite "perf"), strace also pins how the cache saves time: a build served by
# it reads no staged .py file (only the ELF scanner's 4-byte magic checks), a build that is not
# (cold, new inputs, damaged entry) reads them whole.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
need diffoscope diffoscope-minimal
perf=0
if [[ ${1:-} == --perf ]]; then
    perf=1
    need strace strace
fi
PYTHON=/usr/bin/python3
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >/dev/null
work=$(scratch)
unset SOURCE_DATE_EPOCH XDG_CACHE_HOME
export TMPDIR=$work/tmp # the staging root, so strace's paths can be matched
mkdir -p "$work/wheels" "$work/app" "$TMPDIR"
for w in click-8.1.3 MarkupSafe-2.1.2 PyYAML-6.0 Jinja2-3.1.2; do cp "$PYDEB_CACHE"/wheels/$w-*.whl "$work/wheels/"; done
touch -d '2024-03-01 12:00:00 UTC' "$work"/wheels/*.whl
echo 'greeting = "hi"' >"$work/app/app.conf"
spec() { # COMPRESSION [EXTRA LINE]
    printf '%s\n' 'name: payloaddemo' 'version: "1.0"' 'release: "1"' 'summary: payload cache test' \
        'description: The application of the payload cache test.' 'maintainer: Jane Doe <jane@example.com>' \
        'license: MIT' "python: {interpreter: $PYTHON}" 'install:' '  prefix: /opt/venvs/payloaddemo' \
        '  requirements: ["PyYAML", "click", "Jinja2"]' "  wheelhouse: [\"$work/wheels\"]" \
        '  bytecode: build' 'formats: [deb]' "compression: $1" ${2:+"$2"} >"$work/app/pydeb.yaml"
    touch -d '2025-06-01 08:00:00 UTC' "$work/app/pydeb.yaml"
}
# build NAME [VAR=VALUE...] -- [PYDEB ARGS...]: the .deb in $work/NAME; with --perf its read(2)
# calls (with the path of each fd) in $work/NAME.strace.
build() {
    local name=$1
    shift
    local envs=(XDG_CACHE_HOME="$work/cache")
    while [[ $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    rm -rf "$work/$name"
    mkdir -p "$work/$name"
    local trace=()
    ((perf == 0)) || trace=(strace -f -qq -y -s 0 -e trace=read -e signal=none -o "$work/$name.strace")
    (cd "$work/app" && env "${envs[@]}" "${trace[@]}" "$PYDEB" build pydeb.yaml -o "$work/$name" "$@") \
        >/dev/null 2>"$work/$name.err" || fail "build $name: $(cat "$work/$name.err")"
}
deb() { echo "$work/$1"/*.deb; }
same() { # A B: byte-identical packages, or the differences
    cmp -s "$(deb "$1")" "$(deb "$2")" && return
    diffoscope "$(deb "$1")" "$(deb "$2")" >"$work/diffoscope" 2>&1 && fail "cmp and diffoscope disagree on $1 and $2"
    fail "$1 and $2 differ: $(head -40 "$work/diffoscope")"
}
# Bytes the build NAME read from staged .py files.
staged_py_read() {
    perl -ne 'my ($path, $n) = /read\(\d+<([^>]*)>.*= (\d+)$/ or next;
              $s += $n if index($path, "$ENV{TMPDIR}/") == 0 && $path =~ m{/root/opt/venvs/payloaddemo/.*\.py$};
              END { print $s + 0 }' "$work/$1.strace"
}
reads_payload() { [[ $(staged_py_read "$1") -gt 500000 ]]; }   # the .py sources of the four wheels: ~1.05 MB
reads_no_payload() { [[ $(staged_py_read "$1") -lt 5000 ]]; }  # 4 bytes per file, for the ELF magic
pinned() { ((perf == 0)) || "$@"; } # CHECK...: a --perf check; true otherwise
md5s_hold() { # NAME: the control md5sums match the extracted files (what debsums checks)
    local x=$work/x-$1
    rm -rf "$x" && mkdir -p "$x/control"
    dpkg-deb -x "$(deb "$1")" "$x/root"
    dpkg-deb -e "$(deb "$1")" "$x/control"
    (cd "$x/root" && md5sum --quiet -c "$x/control/md5sums") >&2 || fail "$1: md5sums do not match the files"
    [[ $(wc -l <"$x/control/md5sums") -eq $(find "$x/root" -type f | wc -l) ]] ||
        fail "$1: md5sums does not list every file"
}
entries() { find "$work/cache/pydeb/payloads" -name '*.sums' | wc -l; }

spec zstd
build cold --
build warm --
build nocache -- --no-cache
same cold warm
same cold nocache
epoch=$(date -d '2025-06-01 08:00:00 UTC' +%s)
bad=$(dpkg-deb --fsys-tarfile "$(deb cold)" | "$PYTHON" -c "
import sys, tarfile
print(*sorted({m.mtime for m in tarfile.open(fileobj=sys.stdin.buffer, mode='r|')} - {$epoch}))")
[[ -z $bad ]] || fail "mtimes other than the newest input's ($epoch): $bad"
pass "no SOURCE_DATE_EPOCH: every mtime is the spec's (newest input); cold, warm, --no-cache identical"

pinned reads_payload cold || fail "the cold build read only $(staged_py_read cold) bytes of staged .py files"
pinned reads_no_payload warm || fail "the warm build read $(staged_py_read warm) bytes of staged .py files"
[[ $(entries) -eq 1 ]] || fail "expected one payload entry, found $(entries)"
sums=$(ls "$work"/cache/pydeb/payloads/*.sums)
touch -d '2020-01-01' "$sums"
build touched --
[[ $(stat -c %Y "$sums") -gt $(date -d 2021-01-01 +%s) ]] || fail "a hit does not mark the entry used"
md5s_hold cold
md5s_hold warm
pass "warm build: data.tar from the cache$( ((perf)) && echo ' (no staged .py read)'), md5sums match the extracted files"

spec zstd 'files: [{source: app.conf, dest: /etc/payloaddemo/app.conf, config: true}]'
build changed --
build changed-nocache -- --no-cache
same changed changed-nocache
! cmp -s "$(deb cold)" "$(deb changed)" || fail "a new files: entry did not change the package"
pinned reads_payload changed || fail "a changed payload was not written afresh"
[[ $(entries) -eq 2 ]] || fail "expected two payload entries, found $(entries)"
dpkg-deb -c "$(deb changed)" | has ' ./etc/payloaddemo/app.conf$' || fail "the new file is missing"
pass "new inputs: a new payload, identical to a --no-cache build"

spec zstd
for f in "$work"/cache/pydeb/payloads/*.data; do
    size=$(stat -c %s "$f")
    printf '\x5a' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc status=none
done
build damaged --
same cold damaged
pinned reads_payload damaged || fail "a damaged payload entry was used"
build repaired --
same cold repaired
pinned reads_no_payload repaired || fail "the damaged entry was not replaced"
pass "a damaged entry is not used (same package) and is replaced"

spec xz
build xz-cold --
build xz-warm --
same xz-cold xz-warm
pinned reads_no_payload xz-warm || fail "xz: the warm build read staged files"
md5s_hold xz-warm
dpkg-deb -c "$(deb xz-warm)" >/dev/null && ar t "$(deb xz-warm)" | has '^data.tar.xz$' || fail "xz: no data.tar.xz"
pass "xz: cold and warm identical, md5sums match"

spec zstd
build epoch-warm SOURCE_DATE_EPOCH=1700000000 --
build epoch-nocache SOURCE_DATE_EPOCH=1700000000 -- --no-cache
same epoch-warm epoch-nocache
! cmp -s "$(deb cold)" "$(deb epoch-warm)" || fail "SOURCE_DATE_EPOCH is ignored"
pass "SOURCE_DATE_EPOCH: cached and --no-cache builds identical"
