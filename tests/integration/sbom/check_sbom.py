#!/usr/bin/python3
"""check_sbom.py SCHEMA SBOM WHEELHOUSE SITE_PACKAGES RELATIONS_FILE: checks one pydeb SBOM with
tools that are not pydeb's:
 - python3-jsonschema validates it against the SPDX 2.3 JSON schema (json.load refuses any invalid
   JSON text first, strict: raw control characters too);
 - python3-license-expression finds every licenseDeclared a valid SPDX expression (list ids,
   LicenseRef-s defined in hasExtractedLicensingInfos) or NOASSERTION;
 - the bundled distributions are exactly the .dist-info directories of SITE_PACKAGES (as
   importlib.metadata finds them), each with the sha256 that sha256sum prints for its wheel in
   WHEELHOUSE and a pkg:pypi purl of its PEP 503 name;
 - relationships: the document DESCRIBES one package, which CONTAINS every distribution and the
   interpreter and DEPENDS_ON exactly the system packages named by RELATIONS_FILE (one name a line);
   a distribution DEPENDS_ON only what its Requires-Dist names.
Prints the number of distributions and of interpreters."""
import importlib.metadata
import json
import re
import subprocess
import sys

import jsonschema
from license_expression import get_spdx_licensing
from packaging.requirements import Requirement

schema_path, sbom_path, wheelhouse, site, relations_path = sys.argv[1:]


def fail(message):
    sys.exit("FAIL: %s: %s" % (sbom_path, message))


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


with open(sbom_path, encoding="utf-8") as f:
    sbom = json.load(f)
jsonschema.validate(sbom, json.load(open(schema_path)))

defined = {x["licenseId"] for x in sbom.get("hasExtractedLicensingInfos", [])}
licensing = get_spdx_licensing()
for package in sbom["packages"]:
    expression = package["licenseDeclared"]
    if expression == "NOASSERTION":
        continue
    info = licensing.validate(expression, strict=True)
    # A LicenseRef- is no list key to the library: it must be one the document defines.
    unknown = [k for k in info.invalid_symbols if not (k.startswith("LicenseRef-") and k in defined)]
    other = [e for e in info.errors if not e.startswith("Unknown license key")]
    if unknown or other:
        fail("%s: licenseDeclared %r: %s %s" % (package["SPDXID"], expression, info.errors, unknown))
    for ref in re.findall(r"LicenseRef-[A-Za-z0-9.-]+", expression):
        if ref not in defined:
            fail("%s names %s, which hasExtractedLicensingInfos does not define" % (package["SPDXID"], ref))

by_id = {p["SPDXID"]: p for p in sbom["packages"]}
pypi = {p["SPDXID"]: p for p in sbom["packages"] if p["SPDXID"].startswith("SPDXRef-PyPI-")}
installed = {normalize(d.metadata["Name"]): d.version for d in importlib.metadata.distributions(path=[site])}
listed = {normalize(p["name"]): p["versionInfo"] for p in pypi.values()}
if installed != listed:
    fail("bundled %s, the SBOM lists %s" % (sorted(installed.items()), sorted(listed.items())))

wheels = {}
for line in subprocess.run(["sh", "-c", 'cd "$1" && sha256sum -- *.whl', "-", wheelhouse],
                           check=True, capture_output=True, text=True).stdout.splitlines():
    digest, name = line.split(maxsplit=1)
    parts = name.lstrip("*").split("-")
    wheels[(normalize(parts[0]), parts[1])] = digest
for package in pypi.values():
    key = (normalize(package["name"]), package["versionInfo"])
    checksums = {c["algorithm"]: c["checksumValue"] for c in package.get("checksums", [])}
    if wheels.get(key) != checksums.get("SHA256"):
        fail("%s: sha256 %s, sha256sum of the wheel: %s" % (key, checksums.get("SHA256"), wheels.get(key)))
    purls = [r["referenceLocator"] for r in package.get("externalRefs", []) if r["referenceType"] == "purl"]
    if purls != ["pkg:pypi/%s@%s" % (key[0], key[1])]:
        fail("%s: purls %s" % (key, purls))

relationships = {(r["spdxElementId"], r["relationshipType"], r["relatedSpdxElement"]) for r in sbom["relationships"]}
described = [t for (s, kind, t) in relationships if s == "SPDXRef-DOCUMENT" and kind == "DESCRIBES"]
if len(described) != 1:
    fail("DESCRIBES %s" % described)
top = described[0]
contained = {t for (s, kind, t) in relationships if s == top and kind == "CONTAINS"}
runtime = {i for i in by_id if i.startswith("SPDXRef-Runtime-")}
if contained != set(pypi) | runtime:
    fail("CONTAINS %s, distributions and interpreter %s" % (sorted(contained), sorted(set(pypi) | runtime)))
depends = {by_id[t]["name"] for (s, kind, t) in relationships if s == top and kind == "DEPENDS_ON"}
expected = set(open(relations_path).read().split())
if depends != expected:
    fail("DEPENDS_ON %s, the package's relations name %s" % (sorted(depends), sorted(expected)))
# Between distributions, DEPENDS_ON follows Requires-Dist (as importlib.metadata and packaging
# read it; markers are the resolver's business, so only the names are compared here).
requires = {normalize(d.metadata["Name"]): {normalize(Requirement(r).name) for r in d.requires or []}
            for d in importlib.metadata.distributions(path=[site])}
for (s, kind, t) in relationships:
    if kind == "DEPENDS_ON" and s in pypi:
        source, target = normalize(pypi[s]["name"]), normalize(pypi[t]["name"])
        if target not in requires[source]:
            fail("%s DEPENDS_ON %s, which its Requires-Dist does not name" % (source, target))
print(len(pypi), len(runtime))
