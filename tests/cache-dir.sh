# shellcheck shell=bash
# Sourced by the test and bench scripts: sets and exports PYDEB_CACHE, where the slow-to-make test
# fixtures live between runs (the wheel corpus and the Debian packages it is repacked from, the
# debootstrap root, the compiler cache of the own-package tests). It defaults to a directory
# outside the source tree, so a fresh clone reuses them: /var/cache/pydeb-tests as root, else
# ${XDG_CACHE_HOME:-~/.cache}/pydeb-tests. Everything in it only saves time.
if [ -z "${PYDEB_CACHE:-}" ]; then
    if [ "$(id -u)" = 0 ]; then
        PYDEB_CACHE=/var/cache/pydeb-tests
    else
        PYDEB_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/pydeb-tests
    fi
fi
export PYDEB_CACHE
mkdir -p "$PYDEB_CACHE"
