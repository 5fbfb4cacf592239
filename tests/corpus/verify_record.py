#!/usr/bin/python3
"""Check that each wheel's RECORD lists every member with a matching sha256 and size.

Binary distribution format spec: "installation will fail if any file in the
archive is not both mentioned and correctly hashed in RECORD" (RECORD itself,
RECORD.jws and RECORD.p7s excepted). Also checks that the one .dist-info
directory matches the filename's name and version (PEP 427).
Usage: verify_record.py WHEEL...   Exit status 1 and one line per problem.
"""

import base64
import csv
import hashlib
import io
import re
import sys
import zipfile


def canonical(name):
    return re.sub(r'[-_.]+', '-', name).lower()


def problems(path):
    name = path.rsplit('/', 1)[-1]
    dist, version = name[:-4].split('-')[:2]
    with zipfile.ZipFile(path) as zf:
        members = [i.filename for i in zf.infolist() if not i.is_dir()]
        infos = {m.split('/')[0] for m in members if m.split('/')[0].endswith('.dist-info')}
        if len(infos) != 1:
            yield f'{name}: expected one .dist-info, found {sorted(infos)}'
            return
        info = infos.pop()
        if canonical(info[:-len('.dist-info')]) != canonical(f'{dist}-{version}'):
            yield f'{name}: {info} does not match the file name'
        record = f'{info}/RECORD'
        if record not in members:
            yield f'{name}: {record} is missing'
            return
        for member in sorted({m for m in members if members.count(m) > 1}):
            yield f'{name}: {member} is in the archive more than once'
        rows = {}
        for row in csv.reader(io.StringIO(zf.read(record).decode('utf-8'))):
            if row:
                rows[row[0]] = row
        for member in members:
            if member in (record, f'{info}/RECORD.jws', f'{info}/RECORD.p7s'):
                continue
            row = rows.pop(member, None)
            if row is None:
                yield f'{name}: {member} is not in RECORD'
                continue
            data = zf.read(member)
            algo, _, digest = row[1].partition('=')
            if algo != 'sha256':
                yield f'{name}: {member} has hash {row[1]!r}, want sha256'
                continue
            want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
            if digest != want or row[2] != str(len(data)):
                yield f'{name}: {member} does not match its RECORD hash/size'
        rows.pop(record, None)
        for missing in rows:
            yield f'{name}: RECORD lists {missing}, which is not in the archive'


def main(wheels):
    bad = [p for w in wheels for p in problems(w)]
    for p in bad:
        print(p, file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
