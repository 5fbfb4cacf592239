#!/bin/bash
# Issue #21's SBOM, bundled-provides and explain acceptance on the evaluation-style app (Flask,
# requests, lxml, numpy, psycopg2, PyYAML, psutil, with a bundled interpreter), checked by tools
# that are not pydeb's:
#  - each SBOM (beside the .deb and the .rpm) validates against the SPDX 2.3 JSON schema
#    (python3-jsonschema), its licenses are valid SPDX expressions (python3-license-expression),
#    it lists every distribution importlib.metadata finds in the installed tree with the sha256
#    that sha256sum gives for its wheel, and DEPENDS_ON exactly what dpkg-deb -f / rpm -qp
#    --requires name (check_sbom.py);
#  - the package carries the same bytes at /usr/share/doc/evalapp/evalapp.spdx.json (dpkg-deb,
#    rpm2cpio), and a second build writes byte-identical SBOMs (cmp);
#  - rpm -qp --provides: bundled(python3dist(NAME)) = VERSION for each distribution (names by
#    PEP 503 as Fedora's pythondistdeps writes them), and no soname of the venv's .so files;
#  - pydeb explain names psycopg2's extension for libpq5, the chain requests -> certifi, and the
#    top 5 distributions by installed size as du counts the files importlib.metadata lists
#    (plus the bytecode importlib.util.cache_from_source names).
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
need rpm2cpio rpm
need cpio cpio
python=/usr/bin/python3
"$python" -c 'import jsonschema, license_expression' ||
    fail "python3-jsonschema and python3-license-expression (tests/install-deps.sh)"
# The SPDX 2.3 JSON schema, from spdx/spdx-spec (schemas/spdx-schema.json on its support/2.3 branch).
schema=$PYDEB_SOURCE_ROOT/tests/integration/sbom/spdx-2.3-schema.json
[ -f "$schema" ] || fail "no SPDX 2.3 schema at $schema"
work=$(scratch)

. "$PYDEB_SOURCE_ROOT/tests/integration/lib/evalapp.sh"
evalapp "$work"
for run in 1 2; do
    (cd "$work/app" && "$PYDEB" build pydeb.yaml -o "$work/out$run") >"$work/build$run.log" 2>&1 ||
        { cat "$work/build$run.log"; fail "pydeb build (run $run)"; }
done
deb=$work/out1/evalapp_1.0-1_amd64.deb
rpm=$work/out1/evalapp-1.0-1.x86_64.rpm
for sbom in evalapp_1.0-1_amd64.spdx.json evalapp-1.0-1.x86_64.spdx.json; do
    cmp "$work/out1/$sbom" "$work/out2/$sbom" || fail "$sbom differs between two builds"
done
pass "two builds write byte-identical SBOMs"

mkdir "$work/x" "$work/r"
dpkg-deb -x "$deb" "$work/x"
(cd "$work/r" && rpm2cpio "$rpm" | cpio -idm --quiet ./usr/share/doc/evalapp/evalapp.spdx.json)
cmp "$work/x/usr/share/doc/evalapp/evalapp.spdx.json" "$work/out1/evalapp_1.0-1_amd64.spdx.json" ||
    fail "the .deb's SBOM is not the one beside it"
cmp "$work/r/usr/share/doc/evalapp/evalapp.spdx.json" "$work/out1/evalapp-1.0-1.x86_64.spdx.json" ||
    fail "the .rpm's SBOM is not the one beside it"
dpkg-deb -I "$deb" md5sums | has ' usr/share/doc/evalapp/evalapp.spdx.json$' || fail "md5sums lacks the SBOM"
pass "each package ships its SBOM at /usr/share/doc/evalapp/ (in the .deb's md5sums)"

site=$work/x/opt/venvs/evalapp/lib/python3.11/site-packages
# DEPENDS_ON: the first alternative of each Depends relation; rpm's requires less the scriptlets'
# /bin/sh and rpmlib() features, each library once.
dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/[ |(:].*//' | sort -u >"$work/deb-relations"
rpm -qp --requires "$rpm" | grep -v -e '^rpmlib(' -e '^/bin/sh$' | sed 's/[ (].*//' | sort -u >"$work/rpm-relations"
"$python" -c '
import json, sys
r = json.load(open(sys.argv[1]))["relationships"]
assert {"spdxElementId": "SPDXRef-PyPI-requests-2.28.1", "relationshipType": "DEPENDS_ON",
        "relatedSpdxElement": "SPDXRef-PyPI-certifi-2022.9.24"} in r' "$work/out1/evalapp_1.0-1_amd64.spdx.json" ||
    fail "no requests DEPENDS_ON certifi"
n_deb=$("$python" "$PYDEB_SOURCE_ROOT/tests/integration/sbom/check_sbom.py" "$schema" \
    "$work/out1/evalapp_1.0-1_amd64.spdx.json" "$work/wheels" "$site" "$work/deb-relations")
n_rpm=$("$python" "$PYDEB_SOURCE_ROOT/tests/integration/sbom/check_sbom.py" "$schema" \
    "$work/out1/evalapp-1.0-1.x86_64.spdx.json" "$work/wheels" "$site" "$work/rpm-relations")
{ [ "$n_deb" = "18 1" ] && [ "$n_deb" = "$n_rpm" ]; } || fail "distributions, interpreters: $n_deb / $n_rpm"
pass "both SBOMs validate (SPDX 2.3 schema, license expressions) and list all ${n_deb% *} distributions and the interpreter with their wheels' sha256"

# --- rpm bundled provides ------------------------------------------------------------------------
rpm -qp --provides "$rpm" | sort >"$work/provides"
"$python" - "$site" >"$work/expected-provides" <<'PY'
import importlib.metadata, re, sys
for d in importlib.metadata.distributions(path=[sys.argv[1]]):
    print("bundled(python3dist(%s))" % re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower())
PY
sort -o "$work/expected-provides" "$work/expected-provides"
[ "$(grep -c '^bundled(python3dist(' "$work/provides")" = "$(wc -l <"$work/expected-provides")" ] ||
    fail "bundled provides: $(cat "$work/provides")"
while read -r provide; do
    has -F "$provide = " "$work/provides" || fail "no $provide = VERSION among $(cat "$work/provides")"
done <"$work/expected-provides"
has -x 'bundled(python3dist(pyyaml)) = 6' "$work/provides" || fail "PyYAML 6.0 is not pyyaml = 6"
if grep -E '\.so|libpython' "$work/provides"; then fail "the .rpm provides the venv's libraries"; fi
pass "rpm -qp --provides: bundled(python3dist()) for each of $(wc -l <"$work/expected-provides") distributions, no soname"

# --- explain -------------------------------------------------------------------------------------
cd "$work/app"
"$PYDEB" explain pydeb.yaml --json >"$work/all.json" 2>"$work/explain.log" ||
    { cat "$work/explain.log"; fail "pydeb explain --json"; }
"$python" - "$work/all.json" <<'PY' || fail "explain: libpq5 or certifi (above)"
import json, re, sys
report = json.load(open(sys.argv[1]))
deb = [r for r in report["system"] if r["target"] == "deb" and r["package"] == "libpq5"]
assert deb and deb[0]["soname"] == "libpq.so.5", deb
assert any(re.fullmatch(r"lib/python3\.11/site-packages/psycopg2/_psycopg\.cpython-311-.*\.so", o)
           for o in deb[0]["objects"]), deb
chain = [d for d in report["distributions"] if d["name"] == "certifi"][0]["chain"]
assert [(c["from"], re.split("[<>=!~ ;]", c["requirement"])[0]) for c in chain] == \
    [(None, "requests"), ("requests", "certifi")], chain
PY
"$PYDEB" explain pydeb.yaml libpq5 2>/dev/null | has -E '^deb: libpq5 .*libpq\.so\.5 needed by .*psycopg2/_psycopg' ||
    fail "explain libpq5 (text)"
# du over each distribution's files as importlib.metadata reads its RECORD, and the bytecode
# CPython would write for each listed .py (PEP 3147).
"$python" - "$site" >"$work/du-files" <<'PY'
import importlib.metadata, importlib.util, os, re, sys
for d in importlib.metadata.distributions(path=[sys.argv[1]]):
    name = re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower()
    paths = {os.path.normpath(str(d.locate_file(f))) for f in d.files}
    paths |= {importlib.util.cache_from_source(p) for p in paths if p.endswith(".py")}
    for p in sorted(paths):
        if os.path.isfile(p) and not os.path.islink(p):
            print(name + "\t" + p)
PY
cut -f1 "$work/du-files" | sort -u | while read -r name; do
    awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$work/du-files" | tr '\n' '\0' >"$work/list"
    printf '%s %s\n' "$(du -cbl --files0-from="$work/list" | tail -n1 | cut -f1)" "$name"
done | sort -k1,1nr -k2 | head -n5 >"$work/du-top5"
"$python" - "$work/all.json" <<'PY' >"$work/explain-top5"
import json, sys
rows = [r for r in json.load(open(sys.argv[1]))["space"] if not r["name"].startswith("(")]
for r in rows[:5]:
    assert r["bytes"] == r["code"] + r["bytecode"] + r["native"] + r["data"], r
    print(r["bytes"], r["name"])
PY
diff "$work/du-top5" "$work/explain-top5" || fail "explain's top 5 by installed size differ from du's (above)"
pass "explain: libpq5 <- psycopg2's _psycopg, certifi <- requests, top 5 by size as du: $(tr '\n' ' ' <"$work/du-top5")"
