# Shared by the hardening tests (issue 20): a copy of examples/hello (the example app, its own
# project wheel built from the copy's tree) that reads the cached wheel corpus, and `hello_build`,
# one `pydeb build` of it with a fixed SOURCE_DATE_EPOCH so that any two builds can be compared
# byte for byte.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >/dev/null

# hello_project DIR: the example app at DIR, without any build leftovers of the source tree.
hello_project() {
    cp -r "$PYDEB_SOURCE_ROOT/examples/hello" "$1"
    rm -rf "$1/build" "$1/out" "$1"/src/*.egg-info
    sed -i -e "s|wheelhouse: .*|wheelhouse: [\"$PYDEB_CACHE/wheels\"]|" "$1/pydeb.yaml"
}

# hello_build PROJECT OUT [pydeb build options...]: build PROJECT's spec into OUT; the log is
# OUT.log. XDG_CACHE_HOME is the caller's (set it, or pass --no-cache).
hello_build() {
    local project=$1 out=$2
    shift 2
    SOURCE_DATE_EPOCH=1700000000 "$PYDEB" build "$project/pydeb.yaml" -o "$out" "$@" >"$out.log" 2>&1
}

# same_packages A B: the .deb and .rpm in directories A and B are byte-identical.
same_packages() {
    local kind a b
    for kind in deb rpm; do
        a=$(ls "$1"/*."$kind") b=$(ls "$2"/*."$kind")
        cmp "$a" "$b" || fail "$kind: $a and $b differ"
    done
}
