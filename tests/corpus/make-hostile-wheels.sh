#!/bin/bash
# Hand-crafted broken and hostile wheels for the installer's tests, one per case, plus OUTDIR/cases.txt:
#   FILENAME<TAB>expect=refuse|warn|ok<TAB>WORD-THE-MESSAGE-MUST-NAME
#
#   tests/corpus/make-hostile-wheels.sh OUTDIR
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $# -eq 1 ]] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
exec /usr/bin/python3 "$here/hostile_wheels.py" "$1"
