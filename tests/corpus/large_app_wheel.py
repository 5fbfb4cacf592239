#!/usr/bin/python3
"""Write largeapp-1.0-py3-none-any.whl, the top-level project of the large benchmark app.

It requires every project whose wheel is given (by the distribution name of the PEP 427 file
name), so one requirement, `largeapp`, resolves to the whole set; its console script `largeapp`
imports the applications' main modules and their C extensions and prints their versions, so an
installed package can be checked in one command.

Usage: large_app_wheel.py OUTDIR WHEEL...
"""

import os
import sys

from wheelpack import Entry, metadata, record_for, wheel_meta, write_zip

NAME, VERSION = 'largeapp', '1.0'
# Modules the check imports: one per application, and the C extensions that need system libraries
# (libblas/liblapack, libgfortran, libssl, libsodium, libpq, libxml2, libyaml, grpc's).
MODULES = ('django', 'sqlalchemy', 'pandas', 'scipy.linalg', 'scipy.optimize', 'boto3', 'botocore',
           'cryptography.hazmat.bindings._rust', 'celery', 'kombu', 'ansible', 'grpc', 'google.protobuf',
           'flask', 'requests', 'lxml.etree', 'numpy', 'yaml', 'psycopg2', 'psutil', 'paramiko', 'nacl.bindings',
           'bcrypt', 'greenlet', 'dns.resolver', 'netaddr', '_cffi_backend', 'openpyxl',
           'pygments')

INIT = f'''"""The large benchmark app: a console script that imports everything it requires."""
import importlib

MODULES = {MODULES!r}


def main():
    for name in MODULES:
        module = importlib.import_module(name)
        top = importlib.import_module(name.split('.')[0])
        print(name, getattr(top, '__version__', '-'), module.__file__)
'''


def project_name(wheel):
    """The distribution name of a wheel file name (binary distribution format: NAME-VERSION-...)."""
    return os.path.basename(wheel).split('-', 1)[0]


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    outdir, wheels = argv[1], argv[2:]
    requires = sorted({project_name(w) for w in wheels if project_name(w) != NAME}, key=str.lower)
    dist_info = f'{NAME}-{VERSION}.dist-info'
    entries = [
        Entry(f'{NAME}/__init__.py', INIT),
        Entry(f'{dist_info}/METADATA', metadata(NAME, VERSION, requires)),
        Entry(f'{dist_info}/WHEEL', wheel_meta('py3-none-any')),
        Entry(f'{dist_info}/entry_points.txt', f'[console_scripts]\n{NAME} = {NAME}:main\n'),
        Entry(f'{dist_info}/top_level.txt', f'{NAME}\n'),
    ]
    entries.append(Entry(f'{dist_info}/RECORD', record_for(entries, f'{dist_info}/RECORD')))
    wheel = f'{NAME}-{VERSION}-py3-none-any.whl'
    write_zip(os.path.join(outdir, wheel), entries)
    print(f'{wheel}: requires {len(requires)} projects')


if __name__ == '__main__':
    main(sys.argv)
