#!/bin/bash
# Reproducibility across umasks (issue 16): `pydeb build` of examples/hello with a files: entry in
# a directory pydeb creates (/etc/myapp/) gives byte-identical .deb and .rpm with umask 0002 and
# 0022, whatever the modes of the source file's parent directories, and every directory in the
# payload is 0755 (Debian Policy §10.9). Each build has its own cold cache, so cached installs
# made under one umask cannot hide another.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >/dev/null
work=$(scratch)

build() { # build UMASK NAME: hello as .deb and .rpm into $work/NAME/out
    local dir=$work/$2
    mkdir -p "$dir"
    cp -r "$PYDEB_SOURCE_ROOT/examples/hello" "$dir/hello"
    rm -rf "$dir/hello/build"
    mkdir -p "$dir/hello/conf/deep"
    cp "$dir/hello/conf/hello.yaml" "$dir/hello/conf/deep/myapp.yaml"
    # The source's parent directories get modes that must not reach the package.
    if [[ $1 == 0002 ]]; then chmod 0775 "$dir/hello/conf" "$dir/hello/conf/deep"; else chmod 0700 "$dir/hello/conf/deep"; fi
    sed -i -e "s|wheelhouse: .*|wheelhouse: [\"$PYDEB_CACHE/wheels\"]|" "$dir/hello/pydeb.yaml"
    sed -i 's|^files:$|files:\n  - {source: conf/deep/myapp.yaml, dest: /etc/myapp/myapp.yaml, config: true}\n  - {source: conf/deep/myapp.yaml, dest: /usr/share/myapp/deep/tree/data.yaml}|' "$dir/hello/pydeb.yaml"
    (umask "$1" && cd "$dir/hello" && XDG_CACHE_HOME=$dir/cache SOURCE_DATE_EPOCH=1700000000 \
        "$PYDEB" build pydeb.yaml -o "$dir/out" >"$dir/build.log" 2>&1) ||
        { cat "$dir/build.log"; fail "pydeb build with umask $1"; }
}
build 0002 loose
build 0022 strict

for kind in deb rpm; do
    a=$(ls "$work"/loose/out/*."$kind") b=$(ls "$work"/strict/out/*."$kind")
    cmp "$a" "$b" || {
        if [[ $kind == deb ]]; then
            diff <(dpkg-deb -c "$a") <(dpkg-deb -c "$b") | head -20
        else
            diff <(rpm -qlvp "$a") <(rpm -qlvp "$b") | head -20
        fi
        fail "$kind: umask 0002 and 0022 builds differ"
    }
done
pass "umask 0002 and 0022 give byte-identical .deb and .rpm"

deb=$(ls "$work"/loose/out/*.deb) rpm=$(ls "$work"/loose/out/*.rpm)
dpkg-deb -c "$deb" | has -E '^drwxr-xr-x root/root +0 [0-9-]+ [0-9:]+ \./etc/myapp/$' ||
    fail "/etc/myapp is not 0755 in the .deb: $(dpkg-deb -c "$deb" | grep etc/myapp)"
rpm -qlvp "$rpm" | has -E '^drwxr-xr-x .* /etc/myapp$' ||
    fail "/etc/myapp is not 0755 in the .rpm: $(rpm -qlvp "$rpm" | grep etc/myapp)"
bad=$(dpkg-deb -c "$deb" | awk '$1 ~ /^d/ && $1 != "drwxr-xr-x"')
[[ -z $bad ]] || fail "directories other than 0755 in the .deb: $bad"
bad=$(rpm -qlvp "$rpm" | awk '$1 ~ /^d/ && $1 != "drwxr-xr-x"')
[[ -z $bad ]] || fail "directories other than 0755 in the .rpm: $bad"
bad=$(dpkg-deb -c "$deb" | awk '$1 ~ /^-/ && $1 != "-rw-r--r--" && $1 != "-rwxr-xr-x"')
[[ -z $bad ]] || fail "files other than 0644/0755 in the .deb: $bad"
pass "/etc/myapp and every other directory are 0755, files 0644 or 0755, in both packages"
