#!/usr/bin/python3
"""Pack the vendoredext wheel from the objects make-vendored-wheel.sh compiled.

Layout as auditwheel repair leaves it: the extension module in the package,
its private library in vendoredext.libs/ (found through RUNPATH
$ORIGIN/../vendoredext.libs), a manylinux tag and a valid RECORD.
Usage: vendored_wheel.py OUTDIR EXT_SO LIB_SO EXT_SUFFIX PYTAG
"""

import os
import stat
import sys

sys.dont_write_bytecode = True  # keep tests/corpus/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wheelpack import Entry, metadata, record_for, wheel_meta, write_zip  # noqa: E402

INIT = '''"""A C extension linked against a vendored private library and the system's libz."""

from vendoredext._ext import answer, crc32

__all__ = ["answer", "crc32"]
'''


def main(argv):
    if len(argv) != 6:
        raise SystemExit(__doc__)
    outdir, ext_so, lib_so, ext_suffix, pytag = argv[1:]
    tag = f'{pytag}-{pytag}-manylinux_2_17_x86_64'
    info = 'vendoredext-1.0.dist-info'
    with open(ext_so, 'rb') as f:
        ext = f.read()
    with open(lib_so, 'rb') as f:
        lib = f.read()
    exe = stat.S_IFREG | 0o755
    entries = [
        Entry('vendoredext/__init__.py', INIT),
        Entry(f'vendoredext/_ext{ext_suffix}', ext, exe),
        Entry(f'vendoredext.libs/{os.path.basename(lib_so)}', lib, exe),
        Entry(f'{info}/METADATA', metadata('vendoredext', '1.0')),
        Entry(f'{info}/WHEEL', wheel_meta(tag, purelib=False)),
        Entry(f'{info}/top_level.txt', 'vendoredext\n'),
    ]
    entries.append(Entry(f'{info}/RECORD', record_for(entries, f'{info}/RECORD')))
    os.makedirs(outdir, exist_ok=True)
    name = f'vendoredext-1.0-{tag}.whl'
    write_zip(os.path.join(outdir, name), entries)
    print(name)


if __name__ == '__main__':
    main(sys.argv)
