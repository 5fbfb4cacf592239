#!/bin/bash
# Configures (once) and builds pydeb in ./build. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
    meson setup build --buildtype=release
fi
ninja -C build
