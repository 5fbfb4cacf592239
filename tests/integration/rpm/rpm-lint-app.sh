#!/bin/bash
# rpmlint on a real application (issue 16): the benchmark app's wheels (the corpus plus numpy,
# lxml and psutil repacked from Debian's python3-* packages, as bench/run.sh makes them) built by
# `pydeb build` into an .rpm. `rpmlint -r rpm/pydeb.rpmlintrc` must report 0 errors, and the
# filters must stay inside the venv: the same findings in a file outside it are still reported.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >/dev/null
work=$(scratch)
debs=$PYDEB_CACHE/debs
mkdir -p "$debs" "$work/wheels"
bench_debs=(python3-numpy python3-lxml python3-psutil)
missing=()
for p in "${bench_debs[@]}"; do compgen -G "$debs/${p}_*.deb" >/dev/null || missing+=("$p"); done
if ((${#missing[@]})); then
    (cd "$debs" && apt-get download -q "${missing[@]}") >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log"; fail "apt-get download ${missing[*]}"; }
fi
files=()
for p in "${bench_debs[@]}"; do files+=("$(find "$debs" -maxdepth 1 -name "${p}_*.deb" | sort -V | tail -n1)"); done
cp "$PYDEB_CACHE"/wheels/*.whl "$work/wheels/"
/usr/bin/python3 "$PYDEB_SOURCE_ROOT/tests/corpus/repack_debs.py" "$work/wheels" "${files[@]}" >/dev/null
compgen -G "$work/wheels/numpy-*.whl" >/dev/null && compgen -G "$work/wheels/lxml-*.whl" >/dev/null ||
    fail "no numpy/lxml wheels"

cp -r "$PYDEB_SOURCE_ROOT/examples/hello" "$work/app"
rm -rf "$work/app/build"
# A file outside the venv with what the filters forgive inside it: a "#!" script without +x.
printf '#!/usr/bin/python3\nprint(1)\n' >"$work/app/conf/tool.py"
sed -i -e "s|wheelhouse: .*|wheelhouse: [\"$work/wheels\"]|" \
    -e 's|requirements: .*|requirements: ["flask>=2", "requests", "lxml", "numpy", "psycopg2", "PyYAML", "psutil", "six", "click", "markupsafe"]|' \
    -e 's|^files:$|files:\n  - {source: conf/tool.py, dest: /usr/share/hello/tool.py}|' \
    -e 's|^formats: .*|formats: [rpm]|' "$work/app/pydeb.yaml"
(cd "$work/app" && SOURCE_DATE_EPOCH=1700000000 "$PYDEB" build pydeb.yaml -o "$work/out" >"$work/build.log" 2>&1) ||
    { cat "$work/build.log"; fail "pydeb build"; }
rpm=$(ls "$work"/out/*.rpm)
rpm -qlp "$rpm" | has -E '/site-packages/numpy/core/lib/libnpymath\.a$' || fail "numpy is not in the package"

# rpmlint exits non-zero when it reports errors (one is expected below); what it said is the check,
# and an empty report means it did not run.
rpmlint -r "$PYDEB_SOURCE_ROOT/rpm/pydeb.rpmlintrc" "$rpm" >"$work/lint" 2>&1 || echo "rpmlint exited $?" >>"$work/lint"
grep -q ' errors, ' "$work/lint" || { cat "$work/lint"; fail "rpmlint printed no summary"; }
errors=$(awk '/: E: /' "$work/lint")
# The file outside the venv: reported, so no filter reaches beyond the venv.
grep -qE ': E: non-executable-script /usr/share/hello/tool.py ' <<<"$errors" ||
    fail "the filters hide a finding outside the venv: $(tail -3 "$work/lint")"
rest=$(awk '!/ \/usr\/share\/hello\/tool\.py / && NF' <<<"$errors")
[[ -z $rest ]] || fail "rpmlint errors in the venv:
$(sed 's/^/  /' <<<"$rest" | head -40)"
grep -qE '1 packages and 0 specfiles checked; 1 errors' "$work/lint" || fail "$(tail -1 "$work/lint")"
pass "rpmlint -r rpm/pydeb.rpmlintrc: 0 errors in the venv of an app with numpy and lxml; the one planted outside it is still reported"

# Each filter names the venv prefix and says why.
while IFS= read -r line; do
    [[ $line == addFilter* ]] || continue
    grep -qE '/opt/venvs/|dir-or-file-in-opt|no-group-tag|no-signature|dangerous-command' <<<"$line" ||
        fail "filter not restricted to the venv: $line"
done <"$PYDEB_SOURCE_ROOT/rpm/pydeb.rpmlintrc"
# A filter (or a run of filters) follows its comment; a blank line ends the comment's reach.
awk '/^#/ { reason = 1 } /^$/ { reason = 0 } /^addFilter/ && !reason { print "filter without a reason: " $0; bad = 1 } END { exit bad }' \
    "$PYDEB_SOURCE_ROOT/rpm/pydeb.rpmlintrc" || fail "a filter has no reason comment"
pass "every filter is restricted and has a reason"

# The filters are installed with pydeb (meson install) where pydeb(1) says, and packaged by its spec.
meson introspect --installed "$PYDEB_BUILD_ROOT" |
    /usr/bin/python3 -c 'import json, sys; m = json.load(sys.stdin); sys.exit(not any(k.endswith("/rpm/pydeb.rpmlintrc") and v.endswith("/share/pydeb/pydeb.rpmlintrc") for k, v in m.items()))' ||
    fail "meson install does not install pydeb.rpmlintrc into DATADIR/pydeb"
grep -qx '%{_datadir}/pydeb/pydeb.rpmlintrc' "$PYDEB_SOURCE_ROOT/rpm/pydeb.spec" || fail "pydeb.spec does not package pydeb.rpmlintrc"
pass "pydeb.rpmlintrc is installed into DATADIR/pydeb and packaged"
