#!/usr/bin/python3
"""Repack Debian python3-* binary packages into real PEP 427 wheels.

PyPI is not reachable from the build machines, so the test corpus is made of
the upstream code Debian ships: the files under /usr/lib/python3/dist-packages
of each .deb become the wheel's root, and a fresh NAME-VERSION.dist-info is
written from the package's egg-info or dist-info (binary distribution format,
https://packaging.python.org/specifications/binary-distribution-format/).

Requires-Dist comes from the .deb's Depends on other python3-* packages of the
same corpus (Debian strips requires.txt of most hard requirements), with the
marker or extra of the matching line of requires.txt when upstream had one:
Debian flattens `colorama; platform_system == "Windows"` into a hard Depends.
Requirements of extras that only requires.txt names are kept too, as upstream's
METADATA has them. A Depends on a virtual package means the project that Provides
it; a .deb without metadata (Debian's arch-specific half of a split project, as
python3-pandas-lib) joins the package whose name is the longest prefix of its own.

Usage: repack_debs.py OUTDIR DEB...   (debs of python3-*-whl packages have
their /usr/share/python-wheels/*.whl copied as they are).
"""

import base64
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

DIST_PACKAGES = 'usr/lib/python3/dist-packages'
PYTHON_WHEELS = 'usr/share/python-wheels'
GENERATOR = 'pydeb-corpus 1.0 (repacked Debian {package} {version})'
# Files of an egg-info/dist-info that carry over into the new dist-info.
KEPT_METADATA = ('entry_points.txt', 'top_level.txt')
# Debian relation operators -> PEP 440 comparison operators.
DEB_OPERATORS = {'>=': '>=', '<=': '<=', '>>': '>', '<<': '<', '=': '=='}
PEP440_VERSION = re.compile(r'^\d+(\.\d+)*$')


def urlsafe_digest(data):
    """RECORD hash field: sha256 in urlsafe base64 without padding (PEP 376/427)."""
    digest = hashlib.sha256(data).digest()
    return 'sha256=' + base64.urlsafe_b64encode(digest).rstrip(b'=').decode('ascii')


def escape_name(name):
    """PEP 427 filename escaping: runs of characters other than alnum and . become _."""
    return re.sub(r'[^\w\d.]+', '_', name, flags=re.UNICODE)


def canonical(name):
    """PEP 503 normalized name, used to match requires.txt lines to projects."""
    return re.sub(r'[-_.]+', '-', name).lower()


def deb_field(deb, field):
    out = subprocess.run(['dpkg-deb', '-f', deb, field], check=True,
                         capture_output=True, text=True).stdout
    return ' '.join(out.split())


def deb_version_to_pep440(version):
    """Upstream part of a Debian version: no epoch, revision, ~pre or +dfsg."""
    version = version.split(':', 1)[-1]
    if '-' in version:
        version = version.rsplit('-', 1)[0]
    version = re.split(r'[~+]', version, maxsplit=1)[0]
    return version if PEP440_VERSION.match(version) else None


def parse_depends(depends):
    """Depends -> list of alternative groups, each [(package, op, version)]."""
    groups = []
    for group in filter(None, (g.strip() for g in depends.split(','))):
        alternatives = []
        for alt in group.split('|'):
            m = re.match(r'^\s*([a-z0-9][a-z0-9+.-]*)(?::\w+)?\s*(?:\(\s*([<>=]+)\s*([^)\s]+)\s*\))?', alt)
            if m:
                alternatives.append((m.group(1), m.group(2), m.group(3)))
        groups.append(alternatives)
    return groups


def parse_requires_txt(text):
    """requires.txt (setuptools egg-info) -> list of (requirement, extra, marker)."""
    entries, extra, marker = [], None, None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if line.startswith('['):
            section = line[1:-1]
            extra, _, marker = section.partition(':')
            extra, marker = extra or None, marker or None
            continue
        entries.append((line, extra, marker))
    return entries


def requirement_name(requirement):
    return re.match(r'^[A-Za-z0-9][A-Za-z0-9._-]*', requirement).group(0)


def join_marker(extra, marker):
    """Build the environment marker setuptools writes for a requires.txt section."""
    parts = []
    if marker:
        parts.append(f'({marker})' if extra else marker)
    if extra:
        parts.append(f'extra == "{extra}"')
    return ' and '.join(parts)


class Package:
    """One extracted python3-* .deb and what it says about its project."""

    def __init__(self, deb, root):
        self.deb = deb
        self.root = root
        self.package = deb_field(deb, 'Package')
        self.deb_version = deb_field(deb, 'Version')
        self.depends = parse_depends(deb_field(deb, 'Depends'))
        self.provides = [alt[0] for group in parse_depends(deb_field(deb, 'Provides')) for alt in group]
        self.site = os.path.join(root, DIST_PACKAGES)
        # Split halves joined by join(): Debian's arch-specific part of a project (python3-pandas-lib,
        # python3-cffi-backend) ships no metadata of its own.
        self.parts = []
        self.info_paths = [os.path.join(self.site, d) for d in sorted(os.listdir(self.site))
                           if d.endswith(('.egg-info', '.dist-info'))]
        self.requires_txt = []
        self.info_dir = None
        if not self.info_paths:
            self.name = None
            return
        self.metadata_path = self.pick_metadata()
        with open(self.metadata_path, encoding='utf-8') as f:
            self.metadata = f.read()
        self.name = self.header('Name')
        self.version = self.header('Version')
        for path in self.info_paths:
            if self.metadata_name(path) != canonical(self.name):
                raise SystemExit(f'{deb}: {os.path.basename(path)} is another project than {self.name}: '
                                 'one .deb makes one wheel here')
        if self.info_dir:
            requires = os.path.join(self.info_dir, 'requires.txt')
            if os.path.exists(requires):
                with open(requires, encoding='utf-8') as f:
                    self.requires_txt = parse_requires_txt(f.read())

    def pick_metadata(self):
        """The metadata file this project's wheel is made from. An egg-info may be a single PKG-INFO
        file (distutils, e.g. python3-pycparser) or a directory; when a .deb has several for one
        project (python3-cryptography: a dist-info and a stale unversioned egg-info), the
        dist-info wins, as importlib.metadata would find it first in sorted order anyway."""
        chosen = next((p for p in self.info_paths if p.endswith('.dist-info')), self.info_paths[0])
        if os.path.isfile(chosen):
            return chosen
        self.info_dir = chosen
        return os.path.join(chosen, 'PKG-INFO' if chosen.endswith('.egg-info') else 'METADATA')

    @staticmethod
    def metadata_name(path):
        if os.path.isdir(path):
            path = os.path.join(path, 'PKG-INFO' if path.endswith('.egg-info') else 'METADATA')
        with open(path, encoding='utf-8') as f:
            m = re.search(r'^Name: *(.*)$', f.read(), flags=re.MULTILINE)
        return canonical(m.group(1).strip()) if m else None

    def header(self, key):
        m = re.search(rf'^{key}: *(.*)$', self.metadata, flags=re.MULTILINE)
        if not m:
            raise SystemExit(f'{self.deb}: {os.path.basename(self.metadata_path)} has no {key}')
        return m.group(1).strip()

    def payload(self):
        """(archive path, absolute path) of the files that go to the wheel root, this package's
        and those of the split halves joined to it."""
        files = self.own_payload()
        for part in self.parts:
            files += part.own_payload()
        arcs = [arc for arc, _ in files]
        if len(set(arcs)) != len(arcs):
            raise SystemExit(f'{self.deb}: a file is in both halves of a split package')
        return files

    def own_payload(self):
        files = []
        infos = set(self.info_paths)
        for dirpath, dirnames, filenames in os.walk(self.site):
            # Bytecode is made at install time; the egg-info is replaced below.
            dirnames[:] = sorted(d for d in dirnames if d != '__pycache__'
                                 and os.path.join(dirpath, d) not in infos)
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if name.endswith(('.pyc', '.pyo')) or path in infos:
                    continue
                if os.path.islink(path):
                    # A Debian symlink into another package (werkzeug's jquery.js
                    # -> libjs-jquery) is Debian-only: upstream ships the file.
                    target = os.path.realpath(path)
                    if not target.startswith(os.path.realpath(self.site) + os.sep):
                        print(f'  {self.package}: skipping Debian symlink {os.path.relpath(path, self.site)}'
                              f' -> {os.readlink(path)}', file=sys.stderr)
                        continue
                files.append((os.path.relpath(path, self.site), path))
        return files

    def is_pure(self, files):
        return not any(arc.endswith('.so') or '.so.' in arc for arc, _ in files)


def requires_dist(pkg, projects):
    """Requires-Dist lines for pkg; projects maps Debian package -> Package."""
    by_name = {}
    for requirement, extra, marker in pkg.requires_txt:
        by_name.setdefault(canonical(requirement_name(requirement)), []).append((requirement, extra, marker))
    lines, seen = [], set()
    for group in pkg.depends:
        chosen = next((alt for alt in group if alt[0] in projects and projects[alt[0]] is not pkg), None)
        if chosen is None:
            continue  # python3, libc6, or an alternative outside the corpus
        dep = projects[chosen[0]]
        key = canonical(dep.name)
        if key in by_name:
            continue  # upstream's own line (with its marker/extra) is written below
        specs = []
        # The version of a virtual package (python3-cffi-backend-api-min (<= 9729)) is not the project's.
        virtual = chosen[0] not in [dep.package] + [part.package for part in dep.parts]
        for alt_package, op, version in (a for g in pkg.depends for a in g if a[0] == chosen[0] and not virtual):
            pep440 = deb_version_to_pep440(version) if version else None
            if op in DEB_OPERATORS and pep440:
                specs.append(DEB_OPERATORS[op] + pep440)
        if key not in seen:
            seen.add(key)
            lines.append(dep.name + ','.join(sorted(set(specs))))
    for requirement, extra, marker in pkg.requires_txt:
        condition = join_marker(extra, marker)
        lines.append(requirement + (f'; {condition}' if condition else ''))
    return lines


def build_metadata(pkg, projects):
    """The package's PKG-INFO/METADATA with Requires-Dist replaced by ours."""
    head, sep, body = pkg.metadata.partition('\n\n')
    headers, skipping = [], False
    for line in head.splitlines():
        if line[:1] in (' ', '\t'):
            if not skipping:
                headers.append(line)
            continue
        skipping = line.startswith('Requires-Dist:')
        if not skipping:
            headers.append(line)
    headers += [f'Requires-Dist: {r}' for r in requires_dist(pkg, projects)]
    text = '\n'.join(headers) + '\n'
    if sep:
        text += '\n' + body
    return text.encode('utf-8')


def zip_info(arcname, mode, mtime):
    info = zipfile.ZipInfo(arcname, date_time=time.gmtime(max(mtime, 315532800))[:6])
    info.external_attr = (0o100000 | mode) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def platform_tag(pkg, files):
    """Wheel tag of a package with extension modules (PEP 425): cpXY-cpXY for version-specific
    ones, cpXY-abi3 when all are limited-API (PEP 384) modules, as cryptography, bcrypt and PyNaCl
    build theirs; XY is this interpreter's, the one Debian built them for."""
    abis = set()
    for arc, _ in files:
        m = re.search(r'\.(?:cpython-(\d+)-x86_64-linux-gnu|(abi3))\.so$', arc)
        if m:
            abis.add(m.group(1) or m.group(2))
    cp = f'cp{sys.version_info.major}{sys.version_info.minor}'
    if abis == {'abi3'}:
        return f'{cp}-abi3-linux_x86_64'
    abis.discard('abi3')
    if len(abis) != 1:
        raise SystemExit(f'{pkg.deb}: cannot tell the CPython ABI of its extension modules ({abis})')
    cp = 'cp' + abis.pop()
    return f'{cp}-{cp}-linux_x86_64'


def join_parts(projects):
    """Attach each metadata-less .deb to the project it is the split half of: the package whose
    name is the longest prefix of its own (python3-pandas-lib -> python3-pandas, python3-cffi-backend
    -> python3-cffi). Debian Depends on the half then mean the whole project."""
    for pkg in [p for p in projects.values() if p.name is None]:
        parents = [p for p in projects.values()
                   if p.name is not None and pkg.package.startswith(p.package + '-')]
        if not parents:
            raise SystemExit(f'{pkg.deb}: no egg-info/dist-info in {DIST_PACKAGES}, and no package of the '
                             'same name prefix to join it to; add that package to the list')
        parent = max(parents, key=lambda p: len(p.package))
        parent.parts.append(pkg)
        projects[pkg.package] = parent


def write_wheel(pkg, projects, outdir):
    files = pkg.payload()
    pure = pkg.is_pure(files)
    if pure:
        tag = 'py3-none-any'
    else:
        tag = platform_tag(pkg, files)
    stem = f'{escape_name(pkg.name)}-{escape_name(pkg.version)}'
    dist_info = f'{stem}.dist-info'
    wheel_file = f'{stem}-{tag}.whl'

    entries = []  # (arcname, bytes, mode, mtime)
    for arc, path in files:
        st = os.stat(path)
        with open(path, 'rb') as f:
            entries.append((arc, f.read(), 0o755 if st.st_mode & 0o111 else 0o644, st.st_mtime))
    mtime = os.stat(pkg.metadata_path).st_mtime
    entries.append((f'{dist_info}/METADATA', build_metadata(pkg, projects), 0o644, mtime))
    wheel_meta = ('Wheel-Version: 1.0\n'
                  f'Generator: {GENERATOR.format(package=pkg.package, version=pkg.deb_version)}\n'
                  f'Root-Is-Purelib: {"true" if pure else "false"}\n'
                  f'Tag: {tag}\n')
    entries.append((f'{dist_info}/WHEEL', wheel_meta.encode(), 0o644, mtime))
    for name in KEPT_METADATA:
        path = os.path.join(pkg.info_dir, name) if pkg.info_dir else None
        if path and os.path.exists(path):
            with open(path, 'rb') as f:
                entries.append((f'{dist_info}/{name}', f.read(), 0o644, mtime))
    if not pkg.info_dir or not os.path.exists(os.path.join(pkg.info_dir, 'top_level.txt')):
        tops = sorted({arc.split('/')[0].removesuffix('.py') for arc, _ in files})
        entries.append((f'{dist_info}/top_level.txt', ('\n'.join(tops) + '\n').encode(), 0o644, mtime))

    record = io.StringIO()
    writer = csv.writer(record, lineterminator='\n')
    for arc, data, _, _ in entries:
        writer.writerow([arc, urlsafe_digest(data), len(data)])
    writer.writerow([f'{dist_info}/RECORD', '', ''])
    entries.append((f'{dist_info}/RECORD', record.getvalue().encode(), 0o644, mtime))

    tmp = os.path.join(outdir, f'.{wheel_file}.tmp')
    with zipfile.ZipFile(tmp, 'w') as zf:
        for arc, data, mode, mt in entries:
            zf.writestr(zip_info(arc, mode, mt), data)
    os.replace(tmp, os.path.join(outdir, wheel_file))
    return wheel_file


def copy_debian_wheels(root, outdir):
    wheels = []
    src = os.path.join(root, PYTHON_WHEELS)
    for name in sorted(os.listdir(src)):
        if name.endswith('.whl'):
            tmp = os.path.join(outdir, f'.{name}.tmp')
            shutil.copyfile(os.path.join(src, name), tmp)
            os.replace(tmp, os.path.join(outdir, name))
            wheels.append(name)
    return wheels


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    outdir, debs = argv[1], argv[2:]
    os.makedirs(outdir, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory(prefix='pydeb-corpus-') as tmp:
        projects = {}
        for i, deb in enumerate(debs):
            root = os.path.join(tmp, str(i))
            subprocess.run(['dpkg-deb', '-x', deb, root], check=True)
            if os.path.isdir(os.path.join(root, PYTHON_WHEELS)):
                made += copy_debian_wheels(root, outdir)
                continue
            pkg = Package(deb, root)
            projects[pkg.package] = pkg
        join_parts(projects)
        # Depends on a virtual package one of them Provides (python3-cryptography on
        # python3-cffi-backend-api-min, python3-scipy on python3-numpy-abi9) mean that project.
        for pkg in [p for name, p in projects.items() if p.package == name]:
            for name in pkg.provides + [n for part in pkg.parts for n in part.provides]:
                projects.setdefault(name, pkg)
        for package, pkg in list(projects.items()):
            if pkg.package == package:
                made.append(write_wheel(pkg, projects, outdir))
    for name in sorted(made):
        print(name)


if __name__ == '__main__':
    main(sys.argv)
