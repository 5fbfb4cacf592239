#!/bin/bash
# A real HTTP server for tests: Debian's nginx on 127.0.0.1, on a free port, serving a directory.
#   loopback-nginx.sh start ROOT STATE [HTPASSWD]   prints the port; STATE holds the config, the pid,
#                                                    error.log and access.log (one line per request:
#                                                    "METHOD URI STATUS CONNECTION REQUEST-NUMBER")
#   loopback-nginx.sh stop STATE
# STATE/extra.conf, if present when starting, is included inside the server block (redirects,
# rewrites, content types a test needs). Callers stop it from a trap.
set -euo pipefail

command -v nginx >/dev/null || { echo "loopback-nginx.sh: nginx is missing (tests/install-deps.sh installs nginx-light)" >&2; exit 1; }

case "${1:-}" in
start)
    root=$(realpath "$2") state=$(realpath -m "$3") htpasswd=${4:-}
    mkdir -p "$state"
    auth=""
    if [ -n "$htpasswd" ]; then
        auth="auth_basic \"pydeb-test\"; auth_basic_user_file $(realpath "$htpasswd");"
    fi
    touch "$state/extra.conf"
    for _ in $(seq 1 30); do
        port=$(( 20000 + RANDOM % 40000 ))
        cat > "$state/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $state/nginx.pid;
error_log $state/error.log;
$( [ "$(id -u)" = 0 ] && echo "user root root;" )
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format counted '\$request_method \$request_uri \$status \$connection \$connection_requests';
    access_log $state/access.log counted;
    client_body_temp_path $state/body; proxy_temp_path $state/proxy;
    fastcgi_temp_path $state/fastcgi; uwsgi_temp_path $state/uwsgi; scgi_temp_path $state/scgi;
    keepalive_requests 1000;
    server {
        listen 127.0.0.1:$port;
        root $root;
        autoindex on;
        $auth
        include $state/extra.conf;
    }
}
CONF
        if nginx -c "$state/nginx.conf" -p "$state" -e "$state/error.log" 2>"$state/start.err"; then
            echo "$port"
            exit 0
        fi
        grep -q "Address already in use" "$state/start.err" || { cat "$state/start.err" >&2; exit 1; }
    done
    echo "loopback-nginx.sh: no free port found" >&2
    exit 1
    ;;
stop)
    state=$2
    # Stopping twice (or after a failed start) is fine: nothing to stop.
    if [ -f "$state/nginx.pid" ] && kill "$(cat "$state/nginx.pid")" 2>/dev/null; then
        for _ in $(seq 1 50); do [ -f "$state/nginx.pid" ] || break; sleep 0.1; done
    fi
    ;;
*)
    echo "usage: loopback-nginx.sh start ROOT STATE [HTPASSWD] | stop STATE" >&2
    exit 2
    ;;
esac
