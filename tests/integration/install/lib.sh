# Helpers for the install-stage tests. Source after tests/integration/lib/common.sh.
# $1 of every script is the install-driver binary (see meson.build).
PYTHON=/usr/bin/python3

: "${DRIVER:?pass the install-driver path as the first argument}"

# The wheel corpus (tests/corpus, repacked Debian python3-* packages); falls back to Debian's own
# pip/setuptools/wheel wheels when the corpus cannot be built (no apt access).
corpus_wheels() {
    local dir=$PYDEB_CACHE/wheels
    if "$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$dir" >&2 && ls "$dir"/*.whl >/dev/null 2>&1; then
        # Debian's pip/setuptools/wheel wheels are in the corpus too; keep one copy of each.
        ls "$dir"/*.whl
    else
        echo "warning: corpus unavailable, using /usr/share/python-wheels" >&2
        ls /usr/share/python-wheels/*.whl
    fi
}

# A venv made by CPython's venv module, with the wheels installed by the real pip.
pip_venv() {
    local venv=$1
    shift
    "$PYTHON" -m venv --without-pip "$venv"
    "$PYTHON" -m pip --python "$venv/bin/python" install --quiet --no-index --no-deps --no-compile \
        --disable-pip-version-check "$@" >&2
}

# Every file and symlink under DIR, relative, minus what differs by design: installer metadata,
# bytecode, and the interpreter links (CPython's venv copies nothing but names them the same).
tree_listing() {
    (cd "$1" && find . \( -type f -o -type l \) -printf '%P\n') |
        grep -vE '(^|/)__pycache__/|\.dist-info/(RECORD|INSTALLER|REQUESTED|direct_url\.json)$' |
        LC_ALL=C sort
}

# Top-level importable names in a site-packages directory.
top_level_modules() {
    (cd "$1" && for entry in *; do
        case $entry in
        *.dist-info | *.data | __pycache__ | *.pth) ;;
        *.py) echo "${entry%.py}" ;;
        *.so) echo "${entry%%.*}" ;;
        *) [[ -f $entry/__init__.py ]] && echo "$entry" ;;
        esac
    done) | LC_ALL=C sort -u
}

# $work: a scratch directory inside $PYDEB_TEST_TMP, which common.sh's trap removes on exit.
make_scratch() {
    work=$(mktemp -d "$PYDEB_TEST_TMP/install-XXXXXX")
}

# Every RECORD under SITE lists existing files with matching sha256 and size (after strip too).
verify_records() {
    "$PYTHON" - "$1" <<'PY'
import base64, csv, hashlib, os, sys
site = sys.argv[1]
for info in [d for d in os.listdir(site) if d.endswith(".dist-info")]:
    with open(os.path.join(site, info, "RECORD"), newline="") as f:
        for path, digest, size in csv.reader(f):
            if path == info + "/RECORD":
                assert not digest and not size, path
                continue
            data = open(os.path.normpath(os.path.join(site, path)), "rb").read()
            algo, _, want = digest.partition("=")
            got = base64.urlsafe_b64encode(hashlib.new(algo, data).digest()).rstrip(b"=").decode()
            assert got == want and int(size) == len(data), f"{info}: {path} does not match RECORD"
PY
}
