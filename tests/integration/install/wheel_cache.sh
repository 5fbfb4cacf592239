#!/bin/bash
# The installed-wheel cache through `pydeb build` (src/install/cache/wheel_cache.hpp, issue #9):
#  - a second build with the same XDG_CACHE_HOME is served from the cache: no entry is added or
#    rewritten (mtimes included), neither Python nor strip is started (strace: nothing compiled),
#    its .deb is byte-identical (SOURCE_DATE_EPOCH), and it gives the same warnings, replayed;
#  - without a usable cache directory (XDG_CACHE_HOME unset, HOME under a regular file: root could
#    create /nonexistent) and with --no-cache the package is the same, so the staged files are;
#  - damaged entries (a deleted file, a file of another size, one bit flipped in a file of the same
#    size and mode: the manifest's checksums, issue #20) are rebuilt, not used or fatal;
#  - two builds filling one cache at once agree and leave no scratch behind;
#  - copies (`pydeb install`'s LinkMode::copy, through install-driver) are independent of the
#    cache; links keep the cache file's mtime (one inode: touching it would change the cache);
#  - the project's own wheel (examples/hello) is not kept in the cache.
DRIVER=$1
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
. "$(dirname "$0")/lib.sh"
make_scratch
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >/dev/null
export SOURCE_DATE_EPOCH=1700000000
unset XDG_CACHE_HOME

mkdir -p "$work/wheels" "$work/app"
for w in click-8.1.3 MarkupSafe-2.1.2 PyYAML-6.0; do cp "$PYDEB_CACHE"/wheels/$w-*.whl "$work/wheels/"; done
# The app: a console script, a Python 2 file (a byte-compile warning) and a shipped __pycache__
# member (an installer warning), so both kinds of warnings must come back from the cache.
"$PYTHON" - "$work/wheels" <<'PY'
import base64, hashlib, os, sys, zipfile
files = {"cachedemo/__init__.py": b"import yaml, click, markupsafe\ndef main():\n    print(yaml.safe_load('a: 1'))\n",
         "cachedemo/legacy.py": b"print 'Python 2'\n",
         "cachedemo/__pycache__/stale.cpython-311.pyc": b"not bytecode",
         "cachedemo-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: cachedemo\nVersion: 1.0\nRequires-Dist: PyYAML\nRequires-Dist: click\nRequires-Dist: MarkupSafe\n",
         "cachedemo-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
         "cachedemo-1.0.dist-info/entry_points.txt": b"[console_scripts]\ncachedemo = cachedemo:main\n"}
record = "".join("%s,sha256=%s,%d\n" % (n, base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode(), len(d)) for n, d in files.items())
files["cachedemo-1.0.dist-info/RECORD"] = (record + "cachedemo-1.0.dist-info/RECORD,,\n").encode()
with zipfile.ZipFile(os.path.join(sys.argv[1], "cachedemo-1.0-py3-none-any.whl"), "w") as z:
    for n, d in files.items():
        z.writestr(n, d)
PY
{
    echo 'name: cachedemo'
    echo 'version: "1.0"'
    echo 'release: "1"'
    echo 'summary: wheel cache test application'
    echo "description: The application of pydeb's wheel cache test."
    echo 'maintainer: Jane Doe <jane@example.com>'
    echo 'license: MIT'
    echo "python: {interpreter: $PYTHON}"
    echo 'install:'
    echo '  prefix: /opt/venvs/cachedemo'
    echo '  requirements: ["cachedemo"]'
    echo "  wheelhouse: [\"$work/wheels\"]"
    echo '  bytecode: build'
    echo 'entry-points: [cachedemo]'
    echo 'formats: [deb]'
} >"$work/app/pydeb.yaml"

cache=$work/cache/pydeb/wheels
# build NAME [VAR=VALUE...] -- [PYDEB ARGS...]: the .deb in $work/NAME, stderr in $work/NAME.err,
# and in $work/NAME.exec every program the build started (strace), to see whether Python ran.
build() {
    local name=$1
    shift
    local envs=()
    while [[ $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    mkdir -p "$work/$name"
    (cd "$work/app" && env "${envs[@]}" strace -f -qq -e trace=execve -e signal=none -o "$work/$name.strace" \
        "$PYDEB" build pydeb.yaml -o "$work/$name" --format deb "$@") \
        >/dev/null 2>"$work/$name.err" || fail "build $name: $(cat "$work/$name.err")"
    awk '/^pydeb: warning/' "$work/$name.err" >"$work/$name.warnings"
    awk -v self="execve(\"$PYDEB\"" 'match($0, /execve\("[^"]*"/) && substr($0, RSTART, RLENGTH) != self { print substr($0, RSTART, RLENGTH) }' \
        "$work/$name.strace" >"$work/$name.exec"
}
# Every file of the cache with its inode, size and mtime; an entry's own directory is left out:
# using an entry touches it (the cache store's least-recently-used order).
entries() { find "$cache" -mindepth 2 -printf '%P %i %s %T@\n' | LC_ALL=C sort; }
count_entries() { find "$1" -mindepth 1 -maxdepth 1 ! -name '.lock-*' | wc -l; } # lock files are no entries
same_deb() { # NAME LABEL
    cmp -s "$work"/cold/*.deb "$work/$1"/*.deb && return
    dpkg-deb -x "$work"/cold/*.deb "$work/x-cold"
    dpkg-deb -x "$work/$1"/*.deb "$work/x-$1"
    fail "$2: the .deb differs from the cold build's: $(diff -r "$work/x-cold" "$work/x-$1" | head -5)"
}
same_warnings() { # NAME LABEL
    diff "$work/cold.warnings" "$work/$1.warnings" >&2 || fail "$2: other warnings than the cold build's"
}

build cold XDG_CACHE_HOME="$work/cache" --
[[ $(count_entries "$cache") -eq 4 ]] || fail "expected 4 cache entries: $(ls -a "$cache")"
has -F '__pycache__ member(s)' "$work/cold.warnings" &&
    has -F 'cachedemo/legacy.py could not be byte-compiled' "$work/cold.warnings" ||
    fail "the cold build's warnings lack the installer's or the compiler's: $(cat "$work/cold.err")"
dpkg-deb -c "$work"/cold/*.deb | has '/cachedemo/__pycache__/__init__.cpython-311.pyc$' ||
    fail "no bytecode in the package"
pass "cold build: one cache entry per wheel; installer and byte-compiler warnings"

has -F "execve(\"$PYTHON\"" "$work/cold.exec" || fail "strace did not see the cold build run $PYTHON: $(cat "$work/cold.exec")"
entries >"$work/entries.before"
build warm XDG_CACHE_HOME="$work/cache" --
! grep -E 'python|strip' "$work/warm.exec" || fail "the warm build ran the interpreter or strip (above)"
entries | diff "$work/entries.before" - || fail "the warm build changed the cache"
for entry in "$cache"/*/; do
    [[ $(stat -c %Y "$entry") -ge $(stat -c %Y "$work/entries.before") ]] ||
        fail "the warm build did not mark $entry as used"
done
same_deb warm "warm build"
same_warnings warm "warm build"
pass "warm build: no Python or strip run, cache untouched, byte-identical .deb, the same warnings"

# HOME under a regular file: no cache directory can be made there, even by root.
touch "$work/a-file"
build nocache HOME="$work/a-file" --
has -F "execve(\"$PYTHON\"" "$work/nocache.exec" || fail "without a cache nothing was compiled?"
same_deb nocache "no cache directory"
# The one warning more says the build goes without the cache, and why (issue 20).
has -Fx "pydeb: warning: cannot write pydeb's cache ($work/a-file/.cache/pydeb: Not a directory): building without it; --no-cache silences this" \
    "$work/nocache.warnings" || fail "no cache directory: no warning saying so: $(cat "$work/nocache.warnings")"
grep -v "cannot write pydeb's cache" "$work/nocache.warnings" >"$work/nocache-others.warnings"
same_warnings nocache-others "no cache directory"
build flag XDG_CACHE_HOME="$work/cache-flag" -- --no-cache
[[ ! -e $work/cache-flag/pydeb/wheels ]] || fail "--no-cache wrote a wheel cache"
same_deb flag "--no-cache"
pass "without a usable cache directory, and with --no-cache, the same package: the staged files are the same"

# Damage three entries: one loses a file, one has a file of another size, and one has a bit
# flipped in a file whose size, mode and mtime stay the same.
yaml_file=$(find "$cache" -path '*/files/*/yaml/__init__.py')
click_file=$(find "$cache" -path '*/files/*/click/core.py')
markupsafe_file=$(find "$cache" -path '*/files/*/markupsafe/__init__.py')
[[ -f $yaml_file && -f $click_file && -f $markupsafe_file ]] || fail "cached files not found under $cache"
rm "$yaml_file"
echo "# edited" >>"$click_file"
markupsafe_before=$(sha256sum <"$markupsafe_file")
"$PYTHON" - "$markupsafe_file" <<'PY'
import os, sys
path = sys.argv[1]
stat = os.stat(path)
with open(path, "r+b") as f:
    f.seek(100)
    byte = f.read(1)[0]
    f.seek(100)
    f.write(bytes([byte ^ 0x01]))
os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
PY
[[ $(sha256sum <"$markupsafe_file") != "$markupsafe_before" ]] || fail "the bit flip did not change the file"
build damaged XDG_CACHE_HOME="$work/cache" --
same_deb damaged "damaged cache"
same_warnings damaged "damaged cache"
[[ -f $(find "$cache" -path '*/files/*/yaml/__init__.py') ]] || fail "the damaged entry was not rebuilt"
! grep -q '# edited' "$(find "$cache" -path '*/files/*/click/core.py')" || fail "the edited file is still cached"
[[ $(sha256sum <"$(find "$cache" -path '*/files/*/markupsafe/__init__.py')") == "$markupsafe_before" ]] ||
    fail "the file with a flipped bit is still cached"
[[ $(count_entries "$cache") -eq 4 ]] || fail "damaged entries were not replaced: $(ls -a "$cache")"
has -F "execve(\"$PYTHON\"" "$work/damaged.exec" || fail "the damaged entries were not compiled again"
pass "a deleted, resized or bit-flipped cached file: the entry is rebuilt, the package is right"

# Two cold builds sharing one new cache.
(cd "$work/app" && XDG_CACHE_HOME="$work/shared" "$PYDEB" build pydeb.yaml -o "$work/p1" --format deb) \
    >/dev/null 2>"$work/p1.err" &
first=$!
(cd "$work/app" && XDG_CACHE_HOME="$work/shared" "$PYDEB" build pydeb.yaml -o "$work/p2" --format deb) \
    >/dev/null 2>"$work/p2.err" &
second=$!
wait $first || fail "concurrent build 1: $(cat "$work/p1.err")"
wait $second || fail "concurrent build 2: $(cat "$work/p2.err")"
same_deb p1 "concurrent build 1"
same_deb p2 "concurrent build 2"
[[ $(count_entries "$work/shared/pydeb/wheels") -eq 4 ]] ||
    fail "concurrent builds left $(ls -a "$work/shared/pydeb/wheels")"
pass "two builds filling one cache at once: the same package, 4 entries, no scratch left"

# LinkMode::copy (pydeb install): staged files are not the cache's, so edits stay in the stage.
wheels=("$work"/wheels/*.whl)
prefix=/opt/venvs/cachedemo
"$DRIVER" --bytecode build --strip --cache "$cache" "$work/linked" $prefix "$PYTHON" "${wheels[@]}" >/dev/null ||
    fail "install-driver (hard links)"
"$DRIVER" --bytecode build --strip --cache "$cache" --copy "$work/copied" $prefix "$PYTHON" "${wheels[@]}" >/dev/null ||
    fail "install-driver --copy"
diff -r "$work/linked" "$work/copied" >/dev/null ||
    fail "copies differ from links: $(diff -r "$work/linked" "$work/copied" | head -3)"
[[ -z $(find "$work/copied" -type f -links +1) ]] || fail "--copy left hard links: $(find "$work/copied" -type f -links +1 | head -3)"
[[ -n $(find "$work/linked" -type f -links +1) ]] || fail "hard-link mode made no links"
entries >"$work/entries.relink"
"$DRIVER" --bytecode build --strip --cache "$cache" "$work/relinked" $prefix "$PYTHON" "${wheels[@]}" >/dev/null ||
    fail "install-driver (hard links, again)"
entries | diff "$work/entries.relink" - || fail "placing hard links changed the cache (above)"
site=$prefix/lib/python3.11/site-packages
cached=$(find "$cache" -path '*/files/*/cachedemo/__init__.py')
before=$(sha256sum <"$cached")
echo "# packager edit" >>"$work/copied$site/cachedemo/__init__.py"
chmod 0600 "$work/copied$site/cachedemo/__init__.py"
[[ $(sha256sum <"$cached") == "$before" && $(stat -c %a "$cached") == 644 ]] ||
    fail "an edit of a copied file reached the cache"
pass "copies are independent of the cache; links leave the cache's files (mtimes included) alone"

# The project's own wheel (rebuilt from source every run) is installed the cache's way but not
# kept: its dependencies are cached, it is not, and the package is the same either way.
cp -r "$PYDEB_SOURCE_ROOT/examples/hello" "$work/hello"
rm -rf "$work/hello/build" "$work/hello/out" "$work/hello/src/"*.egg-info
sed -i "s|wheelhouse: .*|wheelhouse: [\"$PYDEB_CACHE/wheels\"]|; s|^formats:.*|formats: [deb]|" "$work/hello/pydeb.yaml"
for run in 1 2; do
    (cd "$work/hello" && XDG_CACHE_HOME="$work/hello-cache" "$PYDEB" build pydeb.yaml -o "$work/hello-$run") \
        >/dev/null 2>"$work/hello.err" || fail "building examples/hello: $(cat "$work/hello.err")"
done
(cd "$work/hello" && HOME="$work/a-file" "$PYDEB" build pydeb.yaml -o "$work/hello-nocache") \
    >/dev/null 2>"$work/hello.err" || fail "building examples/hello without a cache: $(cat "$work/hello.err")"
names=$(cat "$work"/hello-cache/pydeb/wheels/*/manifest | sed -n 's/^distribution //p' | LC_ALL=C sort | tr '\n' ' ')
[[ $names == "MarkupSafe PyYAML click " ]] || fail "examples/hello: cached distributions are '$names'"
cmp -s "$work"/hello-1/*.deb "$work"/hello-2/*.deb && cmp -s "$work"/hello-1/*.deb "$work"/hello-nocache/*.deb ||
    fail "examples/hello: the packages differ between builds with, from and without the cache"
pass "the project's own wheel is not cached; its dependencies are; the same package each time"
