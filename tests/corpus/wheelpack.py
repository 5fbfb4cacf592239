"""Small helpers to write wheels member by member (for the fixture generators).

Kept apart from repack_debs.py so that the hostile-wheel generator can bend
every rule on purpose: entries are written exactly as given, RECORD only when
asked for.
"""

import base64
import csv
import hashlib
import io
import os
import stat
import warnings
import zipfile

# 1980-01-01, the earliest ZIP date: fixtures are byte-for-byte reproducible.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def record_hash(data, algo='sha256'):
    """RECORD hash field: ALGO=urlsafe-b64-nopad(digest) (binary distribution format spec)."""
    digest = hashlib.new(algo, data).digest()
    return f'{algo}=' + base64.urlsafe_b64encode(digest).rstrip(b'=').decode('ascii')


class Entry:
    """One ZIP member: name, bytes, and the Unix mode put in external_attr (high 16 bits)."""

    def __init__(self, name, data, mode=stat.S_IFREG | 0o644):
        self.name = name
        self.data = data.encode('utf-8') if isinstance(data, str) else data
        self.mode = mode


def record_for(entries, record_name, algo='sha256'):
    """RECORD text listing entries (hash and size) and RECORD itself with empty fields."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator='\n')
    for e in entries:
        writer.writerow([e.name, record_hash(e.data, algo), len(e.data)])
    writer.writerow([record_name, '', ''])
    return out.getvalue()


def write_zip(path, entries):
    """Write entries in order, duplicates included, atomically (tmp + rename)."""
    tmp = f'{path}.tmp'
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # zipfile warns on duplicate names: some fixtures want them
        with zipfile.ZipFile(tmp, 'w', compression=zipfile.ZIP_DEFLATED) as zf:
            for e in entries:
                info = zipfile.ZipInfo(e.name, date_time=FIXED_DATE)
                info.external_attr = e.mode << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so that readers honour external_attr
                zf.writestr(info, e.data)
    os.replace(tmp, path)


def metadata(name, version, requires=()):
    lines = ['Metadata-Version: 2.1', f'Name: {name}', f'Version: {version}']
    lines += [f'Requires-Dist: {r}' for r in requires]
    return '\n'.join(lines) + '\n'


def wheel_meta(tag, purelib=True, wheel_version='1.0'):
    return (f'Wheel-Version: {wheel_version}\nGenerator: pydeb-corpus 1.0\n'
            f'Root-Is-Purelib: {"true" if purelib else "false"}\nTag: {tag}\n')
