#!/bin/bash
# Bad license metadata never makes an invalid SBOM: wheels whose License-Expression does not parse,
# whose License field is free text with quotes, backslashes, tabs, a control character and
# non-ASCII letters, or a name that is no SPDX identifier ("Apache 2.0"), give a document that
# python's strict json module reads, that validates against the SPDX 2.3 schema, and whose
# licenseDeclared are valid SPDX expressions (python3-license-expression): a LicenseRef- whose
# hasExtractedLicensingInfos keeps the text as METADATA has it, or the canonical expression.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
python=/usr/bin/python3
# The SPDX 2.3 JSON schema, from spdx/spdx-spec (schemas/spdx-schema.json on its support/2.3 branch).
schema=$PYDEB_SOURCE_ROOT/tests/integration/sbom/spdx-2.3-schema.json
[ -f "$schema" ] || fail "no SPDX 2.3 schema at $schema"
work=$(scratch)
mkdir "$work/wheels"
"$python" - "$work/wheels" <<'PY'
import base64, hashlib, sys, zipfile

def wheel(name, headers):
    dist = name + "-1.0.dist-info"
    files = {
        name + ".py": b"VALUE = 1\n",
        dist + "/METADATA": ("Metadata-Version: 2.1\nName: %s\nVersion: 1.0\n%s\n" % (name, headers)).encode(),
        dist + "/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = ""
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record += "%s,sha256=%s,%d\n" % (path, digest, len(data))
    files[dist + "/RECORD"] = (record + dist + "/RECORD,,\n").encode()
    with zipfile.ZipFile("%s/%s-1.0-py3-none-any.whl" % (sys.argv[1], name), "w") as z:
        for path, data in files.items():
            z.writestr(path, data)

wheel("badlic", "License-Expression: MIT AND (\n"
      "Classifier: License :: OSI Approved :: BSD License\n"
      "License: Proprietary \"quoted\" \\\\ back\tslash \x01 \u00a9 \u00dcn\u00efcode\n"
      "        second line")
wheel("reflic", "License: Apache 2.0")
wheel("goodlic", "License-Expression: mit or Apache-2.0\nLicense: ignored")
PY
mkdir "$work/app"
cat >"$work/app/pydeb.yaml" <<SPEC
name: licapp
version: "1.0"
summary: wheels with bad license metadata
description: An SBOM must stay valid whatever the wheels' METADATA says.
maintainer: Jane Doe <jane@example.com>
license: Apache 2.0 or "whatever"
install:
  requirements: [badlic, reflic, goodlic]
  wheelhouse: [$work/wheels]
check-installable: off
SPEC
(cd "$work/app" && "$PYDEB" build pydeb.yaml -o "$work/out" --format deb) >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "pydeb build"; }
deb=$(echo "$work"/out/licapp_1.0-1_*.deb)
sbom=${deb%.deb}.spdx.json
dpkg-deb -x "$deb" "$work/x"
dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/[ |(:].*//' | sort -u >"$work/relations"
site=$(echo "$work"/x/opt/venvs/licapp/lib/python3*/site-packages)
[ "$("$python" "$PYDEB_SOURCE_ROOT/tests/integration/sbom/check_sbom.py" "$schema" "$sbom" \
    "$work/wheels" "$site" "$work/relations")" = "3 0" ] || fail "check_sbom.py"
"$python" - "$sbom" <<'PY' || fail "licenses: $(cat "$sbom")"
import json, sys
sbom = json.load(open(sys.argv[1], encoding="utf-8"))
declared = {p["name"]: p["licenseDeclared"] for p in sbom["packages"]}
texts = {x["licenseId"]: x["extractedText"] for x in sbom["hasExtractedLicensingInfos"]}
assert declared["badlic"] == "LicenseRef-badlic", declared
assert texts["LicenseRef-badlic"] == \
    'Proprietary "quoted" \\\\ back\tslash \x01 \u00a9 \u00dcn\u00efcode\nsecond line', texts
assert declared["reflic"] == "LicenseRef-reflic" and texts["LicenseRef-reflic"] == "Apache 2.0"
assert declared["goodlic"] == "MIT OR Apache-2.0", declared
assert declared["licapp"] == "LicenseRef-licapp" and texts["LicenseRef-licapp"] == 'Apache 2.0 or "whatever"'
PY
pass "invalid License-Expression, free-text and non-SPDX License fields: valid JSON, schema and expressions"
