#!/bin/bash
# Build, at run time, vendoredext-1.0-cp311-cp311-manylinux_2_17_x86_64.whl: a C extension
# vendoredext/_ext.cpython-311-x86_64-linux-gnu.so that NEEDs a private library shipped in the wheel,
# vendoredext.libs/libvendored-abc123.so.1 (SONAME libvendored-abc123.so.1, found through
# RUNPATH $ORIGIN/../vendoredext.libs, the layout auditwheel repair makes), and the system's libz.so.1.
# Prints the wheel's file name. Needs cc, python3-dev and zlib1g-dev.
#
#   tests/corpus/make-vendored-wheel.sh OUTDIR
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $# -eq 1 ]] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
outdir=$1
python=/usr/bin/python3

work=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-vendored-XXXXXX")
trap 'rm -rf "$work"' EXIT
read -r include ext_suffix pytag < <("$python" -c '
import sys, sysconfig
print(sysconfig.get_paths()["include"], sysconfig.get_config_var("EXT_SUFFIX"),
      "cp%d%d" % sys.version_info[:2])')
[[ -f $include/Python.h ]] || { echo "make-vendored-wheel: $include/Python.h missing: apt-get install python3-dev" >&2; exit 1; }

lib=libvendored-abc123.so.1
cc -shared -fPIC -O2 -Wl,-soname,$lib -o "$work/$lib" "$here/vendored/vendored.c"
# -l:FILE links the exact file name; --enable-new-dtags writes RUNPATH (not RPATH), like auditwheel.
cc -shared -fPIC -O2 -I"$include" -o "$work/_ext$ext_suffix" "$here/vendored/_ext.c" \
    -L"$work" -l:$lib -lz -Wl,--enable-new-dtags,-rpath,'$ORIGIN/../vendoredext.libs'
"$python" "$here/vendored_wheel.py" "$outdir" "$work/_ext$ext_suffix" "$work/$lib" "$ext_suffix" "$pytag"
