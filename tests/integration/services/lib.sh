# shellcheck shell=bash
# Shared by the services tests: the tiny WSGI application "svcapp" (a pydeb project whose
# service serves "svcapp VERSION user=NAME" on a loopback port), and booting a root with systemd.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"

# free_port: a loopback TCP port nothing listens on now.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# make_app DIR VERSION PORT [SPEC-EXTRA]: the project and its pydeb.yaml in DIR.
make_app() {
    local dir=$1 version=$2 port=$3
    mkdir -p "$dir/src/svcapp"
    cat >"$dir/pyproject.toml" <<EOT
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "svcapp"
version = "$version"

[project.scripts]
svcapp = "svcapp:main"
EOT
    cat >"$dir/src/svcapp/__init__.py" <<EOT
import os
import pwd
from wsgiref.simple_server import make_server


def app(environ, start_response):
    body = "svcapp $version user=%s\n" % pwd.getpwuid(os.getuid()).pw_name
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body.encode()]


def main():
    make_server("127.0.0.1", int(os.environ["SVCAPP_PORT"]), app).serve_forever()
EOT
    cat >"$dir/pydeb.yaml" <<EOT
name: svcapp
version: "$version"
summary: tiny WSGI service of the pydeb services tests
description: Serves its version over HTTP on a loopback port.
maintainer: Jane Doe <jane@example.com>
license: MIT
homepage: https://example.com/svcapp
install:
  requirements: []
  project: "."
users:
  - {name: svcapp, home: /var/lib/svcapp, description: svcapp service}
directories:
  - {path: /var/lib/svcapp, user: svcapp, mode: "0750", purge: true}
  - {path: /var/log/svcapp, user: svcapp, mode: "0755"}
services:
  - name: svcapp
    exec: svcapp
    user: svcapp
    environment: {SVCAPP_PORT: "$port"}
    working-directory: /var/lib/svcapp
${4:-}
EOT
}

# build_app DIR FORMAT: pydeb build of DIR/pydeb.yaml into DIR/out; prints nothing on success.
build_app() {
    SOURCE_DATE_EPOCH=1700000000 "$PYDEB" build "$1/pydeb.yaml" -o "$1/out" --format "$2" \
        >"$1/build.log" 2>&1 || { cat "$1/build.log"; fail "pydeb build $1 ($2)"; }
}

# http_get PORT: the body served on 127.0.0.1:PORT, empty when nothing answers.
http_get() {
    python3 - "$1" <<'EOT'
import sys, urllib.request
try:
    print(urllib.request.urlopen("http://127.0.0.1:%s/" % sys.argv[1], timeout=5).read().decode().strip())
except OSError:
    pass  # nothing answers (yet): the caller sees an empty body
EOT
}

# systemd_root DIR: a fresh bookworm root with systemd, dbus and python3 (clean-root.sh caches it).
systemd_root() {
    "$PYDEB_SOURCE_ROOT/tests/integration/lib/clean-root.sh" "$1" bookworm systemd systemd-sysv dbus python3
}

# boot_root ROOT: systemd as PID 1 of a new PID namespace, chrooted into ROOT
# (systemd-nspawn needs a system bus this machine lacks; unshare(1), systemd(1)). Sets BOOT_PID (unshare, ours) and SYSTEMD_PID (its
# child, PID 1 inside). No getty: the root has no terminal to wait for.
boot_root() {
    local root=$1 state=""
    ln -sf /dev/null "$root/etc/systemd/system/getty.target"
    ln -sf /dev/null "$root/etc/systemd/system/serial-getty@.service"
    ln -sf /dev/null "$root/etc/systemd/system/console-getty.service"
    unshare --pid --fork --mount-proc --mount --uts sh -c \
        "mount --bind '$root' '$root' && mount -t proc proc '$root/proc' && exec chroot '$root' /lib/systemd/systemd --system" \
        >"$root.boot.log" 2>&1 &
    BOOT_PID=$!
    SYSTEMD_PID=""
    for _ in $(seq 100); do
        SYSTEMD_PID=$(cat /proc/"$BOOT_PID"/task/*/children 2>/dev/null | awk '{print $1}')
        if [ -n "$SYSTEMD_PID" ] && [ "$(cat /proc/"$SYSTEMD_PID"/comm 2>/dev/null)" = systemd ]; then
            # is-system-running exits non-zero until the system is up: only its word matters.
            state=$(in_booted systemctl is-system-running 2>/dev/null; :)
            case $state in running | degraded) return 0 ;; esac
        fi
        sleep 0.3
    done
    fail "systemd did not boot in $root (state '$state'): $(tail -5 "$root.boot.log")"
}

# in_booted CMD...: run CMD inside the booted root's namespaces.
in_booted() {
    nsenter -t "$SYSTEMD_PID" -m -p -r -w env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"
}

# shutdown_root: power the booted root off and wait for our unshare to end; killed by its PID
# if it does not within 20 s. For the EXIT trap: never fails.
shutdown_root() {
    [ -n "${BOOT_PID:-}" ] || return 0
    if [ -d "/proc/$BOOT_PID" ]; then
        in_booted systemctl poweroff >/dev/null 2>&1 || echo "systemctl poweroff failed; killing the root" >&2
        for _ in $(seq 100); do
            [ -d "/proc/$BOOT_PID" ] || break
            sleep 0.2
        done
        if [ -d "/proc/$BOOT_PID" ]; then
            kill -KILL "$SYSTEMD_PID" "$BOOT_PID" 2>/dev/null || echo "the booted root was already gone" >&2
        fi
    fi
    wait "$BOOT_PID" 2>/dev/null || echo "the booted root ended with status $?" >&2
    BOOT_PID=""
}
