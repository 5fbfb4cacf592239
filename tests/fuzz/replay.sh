#!/bin/bash
# replay.sh TARGET DIR...: run every file under the DIRs (hand-written seeds, regression inputs
# of crashes found and fixed) once through a libFuzzer TARGET. A crash, leak, sanitizer report or
# broken property fails the test. A DIR that does not exist yet holds nothing.
set -euo pipefail
target=$1
shift
inputs=()
for dir in "$@"; do
    if [ -d "$dir" ]; then
        while IFS= read -r -d '' file; do inputs+=("$file"); done < <(find "$dir" -type f -print0 | sort -z)
    fi
done
if [ ${#inputs[@]} -eq 0 ]; then
    echo "no seed or regression inputs for $target" >&2
    exit 1
fi
exec "$target" -runs=1 "${inputs[@]}"
