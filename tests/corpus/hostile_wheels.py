#!/usr/bin/python3
"""Write hand-crafted broken and hostile wheels, one per case, and OUTDIR/cases.txt.

Each wheel is valid except for the one thing its name says (see the binary
distribution format spec, PEP 427, and pip's and pypa/installer's checks for
what an installer must do). cases.txt has one line per wheel:
    FILENAME<TAB>expect=refuse|warn|ok<TAB>WORD
where WORD (a member name, entry point or keyword) must appear in the
installer's error or warning. Usage: hostile_wheels.py OUTDIR
"""

import os
import stat
import sys

sys.dont_write_bytecode = True  # keep tests/corpus/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wheelpack import Entry, metadata, record_for, record_hash, wheel_meta, write_zip  # noqa: E402

VERSION = '1.0'
TAG = 'py3-none-any'


def module(dist):
    return f'def main():\n    print("hello from {dist}")\n'


def base(dist, files=(), wheel_version='1.0', info_name=None, entry_points=None):
    """A valid wheel's members (RECORD excepted) plus files."""
    info = info_name or f'{dist}-{VERSION}.dist-info'
    entries = [Entry(f'{dist}/__init__.py', module(dist)), *files,
               Entry(f'{info}/METADATA', metadata(dist, VERSION)),
               Entry(f'{info}/WHEEL', wheel_meta(TAG, wheel_version=wheel_version))]
    if entry_points:
        entries.append(Entry(f'{info}/entry_points.txt', entry_points))
    return info, entries


def with_record(info, entries, algo='sha256'):
    return entries + [Entry(f'{info}/RECORD', record_for(entries, f'{info}/RECORD', algo))]


def simple(dist, files=(), **kw):
    info, entries = base(dist, files, **kw)
    return with_record(info, entries)


def record_hash_mismatch(dist):
    info, entries = base(dist)
    out = with_record(info, entries)
    # Same size, different bytes: only the hash can tell.
    out[0] = Entry(out[0].name, out[0].data.replace(b'hello', b'HELLO'))
    return out


def record_size_mismatch(dist):
    info, entries = base(dist)
    record = record_for(entries, f'{info}/RECORD')
    first = entries[0]
    right = f'{first.name},{record_hash(first.data)},{len(first.data)}\n'
    wrong = f'{first.name},{record_hash(first.data)},{len(first.data) + 1}\n'
    return entries + [Entry(f'{info}/RECORD', record.replace(right, wrong, 1))]


def unlisted_file(dist):
    info, entries = base(dist)
    return with_record(info, entries) + [Entry(f'{dist}/extra.py', 'EXTRA = 1\n')]


def missing_record(dist):
    return base(dist)[1]


def record_md5(dist):
    info, entries = base(dist)
    return with_record(info, entries, algo='md5')


def duplicate_member(dist):
    member = f'{dist}/data.txt'
    info, entries = base(dist, [Entry(member, 'first\n')])
    return with_record(info, entries) + [Entry(member, 'second, different\n')]


# (case/distribution name, builder, expect, word the installer's message must contain)
CASES = [
    ('valid_control', lambda d: simple(d), 'ok', '-'),
    ('zip_slip', lambda d: simple(d, [Entry('../evil', 'evil\n')]), 'refuse', '../evil'),
    ('absolute_path', lambda d: simple(d, [Entry('/tmp/pydeb-hostile-absolute', 'evil\n')]),
     'refuse', '/tmp/pydeb-hostile-absolute'),
    ('symlink_out', lambda d: simple(d, [Entry(f'{d}/passwd', '/etc/passwd', stat.S_IFLNK | 0o777)]),
     'refuse', 'symlink_out/passwd'),
    ('record_hash_mismatch', record_hash_mismatch, 'refuse', 'record_hash_mismatch/__init__.py'),
    ('record_size_mismatch', record_size_mismatch, 'refuse', 'record_size_mismatch/__init__.py'),
    ('unlisted_file', unlisted_file, 'refuse', 'unlisted_file/extra.py'),
    ('record_md5', record_md5, 'refuse', 'md5'),
    ('missing_record', missing_record, 'refuse', 'RECORD'),
    ('wheel_version_2_0', lambda d: simple(d, wheel_version='2.0'), 'refuse', 'Wheel-Version'),
    ('wheel_version_1_9', lambda d: simple(d, wheel_version='1.9'), 'warn', 'Wheel-Version'),
    ('name_mismatch', lambda d: simple(d, info_name=f'other_name-{VERSION}.dist-info'),
     'refuse', 'other_name-1.0.dist-info'),
    ('two_dist_info', lambda d: simple(d, [Entry('unrelated-2.0.dist-info/METADATA',
                                                 metadata('unrelated', '2.0'))]),
     'refuse', 'unrelated-2.0.dist-info'),
    ('unknown_data_scheme', lambda d: simple(d, [Entry(f'{d}-{VERSION}.data/unknown/hello.txt', 'c\n')]),
     'refuse', 'unknown_data_scheme-1.0.data/unknown/hello.txt'),
    ('entry_point_traversal',
     lambda d: simple(d, entry_points=f'[console_scripts]\n../outside = {d}:main\n'), 'refuse', '../outside'),
    ('entry_point_no_attr',
     lambda d: simple(d, [Entry(f'{d}/cli.py', module(d))],
                      entry_points=f'[console_scripts]\nhostile-noattr = {d}.cli\n'),
     'refuse', 'hostile-noattr'),
    ('backslash_name', lambda d: simple(d, [Entry(f'{d}\\evil.py', 'EVIL = 1\n')]), 'refuse',
     'backslash_name\\evil.py'),
    ('duplicate_member', duplicate_member, 'refuse', 'duplicate_member/data.txt'),
    ('pycache_member', lambda d: simple(d, [Entry(f'{d}/__pycache__/x.pyc', b'\x00' * 16)]), 'warn',
     'pycache_member/__pycache__/x.pyc'),
]


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    lines = []
    for dist, build, expect, word in CASES:
        filename = f'{dist}-{VERSION}-{TAG}.whl'
        write_zip(os.path.join(outdir, filename), build(dist))
        lines.append(f'{filename}\texpect={expect}\t{word}\n')
    tmp = os.path.join(outdir, 'cases.txt.tmp')
    with open(tmp, 'w', encoding='utf-8') as f:
        f.writelines(lines)
    os.replace(tmp, os.path.join(outdir, 'cases.txt'))


if __name__ == '__main__':
    main(sys.argv)
