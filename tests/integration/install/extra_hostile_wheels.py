#!/usr/bin/python3
"""Hostile wheels specific to installing into a venv, added to tests/corpus's cases.

Writes the wheels into OUTDIR and prints cases.txt lines (FILE[,FILE2]<TAB>expect=...<TAB>WORD);
a comma joins wheels installed together. Usage: extra_hostile_wheels.py OUTDIR
"""

import base64
import hashlib
import os
import sys
import zipfile


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
    return f'{name},sha256={digest},{len(data)}\n'


def wheel(outdir, dist, files, tag='py3-none-any', version='1.0'):
    info = f'{dist}-{version}.dist-info'
    files = dict(files)
    files.setdefault(f'{dist}/__init__.py', b'X = 1\n')
    files.setdefault(f'{info}/METADATA', f'Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n'.encode())
    files[f'{info}/WHEEL'] = f'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: {tag}\n'.encode()
    record = ''.join(record_line(n, d if isinstance(d, bytes) else d.encode()) for n, d in files.items())
    files[f'{info}/RECORD'] = (record + f'{info}/RECORD,,\n').encode()
    name = f'{dist}-{version}-{tag}.whl'
    with zipfile.ZipFile(os.path.join(outdir, name), 'w') as z:
        for member, data in files.items():
            z.writestr(member, data)
    return name


def main(outdir):
    cases = [
        (wheel(outdir, 'through_lib64', {'through_lib64-1.0.data/data/lib64/evil.txt': b'x\n'}),
         'refuse', 'lib64'),
        (wheel(outdir, 'script_python3', {'script_python3-1.0.data/scripts/python3': b'#!python\n'}),
         'refuse', 'python3'),
        (wheel(outdir, 'activate_clash', {'activate_clash-1.0.data/scripts/activate': b'#!/bin/sh\n'}),
         'refuse', 'activate'),
        (wheel(outdir, 'old_abi', {}, tag='cp27-cp27mu-linux_x86_64'), 'refuse', 'not compatible'),
        (wheel(outdir, 'musl_only', {}, tag='cp311-cp311-musllinux_1_1_x86_64'), 'refuse',
         'not compatible'),
        (wheel(outdir, 'sha1_record', {}).replace('', '') and sha1_wheel(outdir), 'refuse', 'sha1'),
        (wheel(outdir, 'bad_metadata', {'bad_metadata-1.0.dist-info/METADATA': b'Name: bad\xff\n'}),
         'refuse', 'METADATA'),
        (wheel(outdir, 'meta_mismatch', {'meta_mismatch-1.0.dist-info/METADATA':
                                         b'Metadata-Version: 2.1\nName: other\nVersion: 1.0\n'}),
         'refuse', 'meta_mismatch-1.0.dist-info/METADATA'),
        (wheel(outdir, 'latin1_authors', {'latin1_authors/AUTHORS.txt': 'Jos\xe9\n'.encode('latin-1')}),
         'ok', '-'),
        (wheel(outdir, 'ns_a', {'shared/__init__.py': b'# same\n'}) + ',' +
         wheel(outdir, 'ns_b', {'shared/__init__.py': b'# same\n'}), 'ok', '-'),
        (wheel(outdir, 'clash_a', {'clash/mod.py': b'A = 1\n'}) + ',' +
         wheel(outdir, 'clash_b', {'clash/mod.py': b'B = 2\n'}), 'refuse', 'clash/mod.py'),
    ]
    for files, expect, word in cases:
        print(f'{files}\texpect={expect}\t{word}')


def sha1_wheel(outdir):
    name = 'sha1_record-1.0-py3-none-any.whl'
    path = os.path.join(outdir, name)
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    record = ''
    for n, d in members.items():
        if n.endswith('/RECORD'):
            continue
        digest = base64.urlsafe_b64encode(hashlib.sha1(d).digest()).rstrip(b'=').decode()
        record += f'{n},sha1={digest},{len(d)}\n'
    members['sha1_record-1.0.dist-info/RECORD'] = (record + 'sha1_record-1.0.dist-info/RECORD,,\n').encode()
    with zipfile.ZipFile(path, 'w') as z:
        for n, d in members.items():
            z.writestr(n, d)
    return name


if __name__ == '__main__':
    main(sys.argv[1])
