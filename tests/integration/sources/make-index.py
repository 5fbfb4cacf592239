#!/usr/bin/python3
"""make-index.py WHEELS OUT: a simple repository of the wheels (and sdists) in WHEELS, in both forms.

OUT/files/F            every wheel, and F.metadata: its METADATA (PEP 658); every sdist
                       (NAME-VERSION.tar.gz, PEP 625), without metadata (sdists have no PEP 658 file
                       here: a client builds them to learn their dependencies)
OUT/html/simple/N/     index.html: PEP 503 anchors with #sha256=, data-requires-python (no
                       metadata attribute: a client must read METADATA from the wheel)
OUT/json/simple/N/     index.json: PEP 691 JSON with hashes, requires-python and core-metadata
                       (PEP 714), served as application/vnd.pypi.simple.v1+json
"""
import hashlib
import html
import json
import os
import re
import shutil
import sys
import zipfile
from email.parser import HeaderParser

wheels, out = sys.argv[1], sys.argv[2]
projects = {}
os.makedirs(f"{out}/files")
for name in sorted(os.listdir(wheels)):
    if name.endswith(".tar.gz"):
        shutil.copy(f"{wheels}/{name}", f"{out}/files/{name}")
        project = re.sub(r"[-_.]+", "-", name[:-len(".tar.gz")].rsplit("-", 1)[0]).lower()
        projects.setdefault(project, []).append({
            "filename": name,
            "sha256": hashlib.sha256(open(f"{wheels}/{name}", "rb").read()).hexdigest(),
            "metadata_sha256": None, "requires_python": None})
        continue
    if not name.endswith(".whl"):
        continue
    shutil.copy(f"{wheels}/{name}", f"{out}/files/{name}")
    with zipfile.ZipFile(f"{wheels}/{name}") as z:
        member = next(m for m in z.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", m))
        metadata = z.read(member)
    with open(f"{out}/files/{name}.metadata", "wb") as f:
        f.write(metadata)
    headers = HeaderParser().parsestr(metadata.decode("utf-8", "replace"))
    project = re.sub(r"[-_.]+", "-", name.split("-")[0]).lower()  # PEP 503
    projects.setdefault(project, []).append({
        "filename": name,
        "sha256": hashlib.sha256(open(f"{wheels}/{name}", "rb").read()).hexdigest(),
        "metadata_sha256": hashlib.sha256(metadata).hexdigest(),
        "requires_python": headers.get("Requires-Python"),
    })
for project, files in projects.items():
    os.makedirs(f"{out}/html/simple/{project}")
    os.makedirs(f"{out}/json/simple/{project}")
    anchors = []
    for f in files:
        rp = f' data-requires-python="{html.escape(f["requires_python"])}"' if f["requires_python"] else ""
        anchors.append(f'<a href="../../../files/{f["filename"]}#sha256={f["sha256"]}"{rp}>{f["filename"]}</a><br/>')
    with open(f"{out}/html/simple/{project}/index.html", "w") as h:
        h.write(f"<!DOCTYPE html>\n<html><head><title>Links for {project}</title></head><body>\n"
                + "\n".join(anchors) + "\n</body></html>\n")
    with open(f"{out}/json/simple/{project}/index.json", "w") as j:
        json.dump({"meta": {"api-version": "1.1"}, "name": project, "files": [
            {"filename": f["filename"], "url": f"../../../files/{f['filename']}",
             "hashes": {"sha256": f["sha256"]}, "requires-python": f["requires_python"],
             # Only PEP 714's key: pip 23.0 (bookworm) fails on PEP 658's older
             # "dist-info-metadata" as a table (TypeError in Link.metadata_link), and reads
             # no other, so it downloads whole wheels for their metadata.
             **({"core-metadata": {"sha256": f["metadata_sha256"]}} if f["metadata_sha256"] else {}),
             "yanked": False}
            for f in files]}, j)
