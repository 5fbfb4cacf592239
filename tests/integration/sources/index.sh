#!/bin/bash
# Issue #19, Done-when 1 and 3: the evaluation-style app from a package index on loopback, with no
# wheelhouse in the spec, checked by tools that are not pydeb's:
#  - Debian's nginx serves the app's wheels (tests/corpus, repacked Debian packages) as a PEP 503
#    HTML tree and as a PEP 691 JSON tree (with PEP 658 .metadata), behind basic auth (htpasswd
#    made by openssl); both give the same lock (cmp), and the locked set is what
#    `pip install --dry-run --report` resolves from the same index;
#  - the password and the user:password@ form appear nowhere: not in the .deb or .rpm (extracted
#    by dpkg-deb and rpm2cpio), the locks, the SBOMs, pydeb's output or nginx's logs of the run;
#  - the build with the lock downloads exactly the locked files; `--offline` takes them from the
#    cache without a request, and with an empty cache names what is missing;
#  - a tampered wheel is refused naming both hashes; a wrong password (401) and an unreachable
#    index each give one line and a non-zero exit.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
need nginx nginx-light
need openssl openssl
need rpm2cpio rpm
need cpio cpio
python=/usr/bin/python3
nginx_sh=$PYDEB_SOURCE_ROOT/tests/integration/lib/loopback-nginx.sh
work=$(scratch)
trap 'bash "$nginx_sh" stop "$work/nginx"; rm -rf "$PYDEB_TEST_TMP"' EXIT

. "$PYDEB_SOURCE_ROOT/tests/integration/lib/evalapp.sh"
evalapp "$work"
"$python" "$PYDEB_SOURCE_ROOT/tests/integration/sources/make-index.py" "$work/wheels" "$work/index"

password="pw-$RANDOM$RANDOM-secret"
printf 'pydeb:%s\n' "$(openssl passwd -apr1 "$password")" >"$work/htpasswd"
mkdir -p "$work/nginx"
cat >"$work/nginx/extra.conf" <<'CONF'
location /json/ { index index.json; types { } default_type application/vnd.pypi.simple.v1+json; }
CONF
port=$(bash "$nginx_sh" start "$work/index" "$work/nginx" "$work/htpasswd")
base=http://127.0.0.1:$port
export XDG_CACHE_HOME=$work/cache PYDEB_TEST_USER=pydeb PYDEB_TEST_PASSWORD=$password

# The HTML index with the credentials in environment variables the spec names; the JSON index
# with them in the URL.
spec_with() {
    sed "s|^  wheelhouse: .*|  indexes:\n$1|" "$work/app/pydeb.yaml.orig" >"$work/app/$2"
}
# The host's /usr/bin/python3 instead of a bundled copy of it: the bundle is tested elsewhere
# (bundle/, sbom/evalapp.sh) and costs this test a minute without telling more about indexes.
sed '/^python: {bundle: host}$/d' "$work/app/pydeb.yaml" >"$work/app/pydeb.yaml.orig"
rm "$work/app/pydeb.yaml"
spec_with "    - {url: \"$base/html/simple/\", username-env: PYDEB_TEST_USER, password-env: PYDEB_TEST_PASSWORD}" pydeb.yaml
spec_with "    - \"http://pydeb:$password@127.0.0.1:$port/json/simple\"" json.yaml
grep -q wheelhouse "$work/app/pydeb.yaml" "$work/app/json.yaml" && fail "the specs still name a wheelhouse"

(cd "$work/app" && "$PYDEB" lock pydeb.yaml --lockfile "$work/html.lock") >"$work/lock-html.log" 2>&1 ||
    { cat "$work/lock-html.log"; fail "pydeb lock from the PEP 503 HTML index"; }
html_requests=$(wc -l <"$work/nginx/access.log")
(cd "$work/app" && "$PYDEB" lock json.yaml --lockfile "$work/json.lock") >"$work/lock-json.log" 2>&1 ||
    { cat "$work/lock-json.log"; fail "pydeb lock from the PEP 691 JSON index"; }
cmp "$work/html.lock" "$work/json.lock" || { diff "$work/html.lock" "$work/json.lock"; fail "HTML and JSON indexes give different locks"; }
grep -q "^wheel flask 2.2.2 Flask-2.2.2-py3-none-any.whl sha256=[0-9a-f]\{64\} url=$base/files/Flask-2.2.2-py3-none-any.whl$" "$work/html.lock" ||
    fail "the lock does not record flask's URL and sha256: $(cat "$work/html.lock")"
head -n "$html_requests" "$work/nginx/access.log" | has '\.metadata ' &&
    fail "a .metadata file was asked for with the HTML index, which announces none"
tail -n +"$((html_requests + 1))" "$work/nginx/access.log" | has '^GET /files/Flask-2.2.2-py3-none-any.whl.metadata 200 ' ||
    fail "the JSON index's PEP 658 .metadata files were not used"
pass "PEP 503 HTML and PEP 691 JSON (with PEP 658 metadata) give the same lock ($(grep -c '^wheel ' "$work/html.lock") wheels)"

# pip as the oracle, against the same index.
requirements=$(sed -n 's/^  requirements: \[\(.*\)\]$/\1/p' "$work/app/pydeb.yaml" | tr -d '",')
# shellcheck disable=SC2086 # one word per requirement
PIP_CONFIG_FILE=/dev/null "$python" -m pip install --dry-run --ignore-installed --no-cache-dir --quiet \
    --report "$work/pip.json" --index-url "http://pydeb:$password@127.0.0.1:$port/html/simple/" \
    $requirements >"$work/pip.log" 2>&1 || { cat "$work/pip.log"; fail "pip install --dry-run"; }
"$python" -c 'import json, re, sys
r = json.load(open(sys.argv[1]))
print("\n".join(sorted(re.sub(r"[-_.]+", "-", i["metadata"]["name"]).lower() + "==" +
                       i["metadata"]["version"] for i in r["install"])))' "$work/pip.json" >"$work/pip.set"
awk '/^wheel /{print $2 "==" $3}' "$work/html.lock" | sort >"$work/lock.set"
cmp "$work/pip.set" "$work/lock.set" || { diff "$work/pip.set" "$work/lock.set"; fail "the locked set differs from pip's"; }
pass "the locked set is what pip install --dry-run --report resolves ($(wc -l <"$work/lock.set") distributions)"

# A build with the lock downloads exactly the locked files (the cache is empty: the locks above
# read PEP 658 metadata and downloaded only the chosen wheels into it; start from nothing).
rm -rf "$work/cache"
cp "$work/html.lock" "$work/app/pydeb.lock"
requests_before=$(wc -l <"$work/nginx/access.log")
(cd "$work/app" && "$PYDEB" build pydeb.yaml -o "$work/out") >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "pydeb build with the lock from the index"; }
tail -n +"$((requests_before + 1))" "$work/nginx/access.log" | awk '{print $2}' | sort >"$work/build.requests"
awk '/^wheel /{sub("url='"$base"'", "", $6); print $6}' "$work/html.lock" | sort >"$work/locked.paths"
cmp "$work/build.requests" "$work/locked.paths" ||
    { diff "$work/locked.paths" "$work/build.requests"; fail "the locked build did not download exactly the locked files"; }
pass "the locked build downloaded exactly the $(wc -l <"$work/locked.paths") locked files, nothing else"

deb=$work/out/evalapp_1.0-1_amd64.deb
rpm=$work/out/evalapp-1.0-1.x86_64.rpm
mkdir "$work/x" "$work/r"
dpkg-deb -x "$deb" "$work/x"
dpkg-deb -e "$deb" "$work/x/DEBIAN"
(cd "$work/r" && rpm2cpio "$rpm" | cpio -idm --quiet)
rpm -qp --scripts --info "$rpm" >"$work/r/rpm-header.txt"
for form in "$password" "pydeb:$password@"; do
    if grep -rlaF -- "$form" "$work/x" "$work/r" "$work"/*.lock "$work/app/pydeb.lock" \
        "$work"/out/*.spdx.json "$work"/*.log "$work/nginx/access.log" "$work/nginx/error.log"; then
        fail "the password appears in the files above"
    fi
done
pass "the password is in neither package, lock, SBOM, pydeb's output nor the server's logs"

# --offline: the cache holds the locked files; no request is made.
requests_before=$(wc -l <"$work/nginx/access.log")
(cd "$work/app" && "$PYDEB" --offline resolve pydeb.yaml) >"$work/offline.log" 2>&1 ||
    { cat "$work/offline.log"; fail "pydeb --offline resolve with the lock and a warm cache"; }
grep -qx 'flask==2.2.2' "$work/offline.log" || fail "--offline resolve: $(cat "$work/offline.log")"
[ "$(wc -l <"$work/nginx/access.log")" = "$requests_before" ] || fail "--offline made requests"
if (cd "$work/app" && XDG_CACHE_HOME=$work/empty "$PYDEB" --offline resolve pydeb.yaml) >"$work/offline-miss.log" 2>&1; then
    fail "--offline with an empty cache succeeded"
fi
grep -q 'not in the download cache' "$work/offline-miss.log" && grep -q 'Flask-2.2.2-py3-none-any.whl' "$work/offline-miss.log" ||
    fail "--offline with an empty cache does not name the missing files: $(cat "$work/offline-miss.log")"
pass "--offline takes the locked files from the cache without a request, and names the files an empty cache lacks"

# A tampered wheel: the index's sha256 no longer matches the bytes served.
good=$(sha256sum "$work/index/files/idna-3.3-py3-none-any.whl" | cut -d' ' -f1)
printf 'x' >>"$work/index/files/idna-3.3-py3-none-any.whl"
bad=$(sha256sum "$work/index/files/idna-3.3-py3-none-any.whl" | cut -d' ' -f1)
if (cd "$work/app" && XDG_CACHE_HOME=$work/cold "$PYDEB" lock pydeb.yaml --lockfile "$work/bad.lock") >"$work/tampered.log" 2>&1; then
    fail "a tampered wheel was accepted"
fi
grep -q "idna-3.3-py3-none-any.whl" "$work/tampered.log" && grep -q "$good" "$work/tampered.log" && grep -q "$bad" "$work/tampered.log" ||
    fail "the tampered wheel's error does not name it and both hashes: $(cat "$work/tampered.log")"
[ ! -e "$work/bad.lock" ] || fail "a lock was written despite the error"
pass "a tampered wheel is refused: $(tail -1 "$work/tampered.log")"

# One line and a non-zero exit for refused credentials and for an unreachable index.
one_line_failure() { # WHAT LOG WORD
    [ "$(wc -l <"$2")" = 1 ] || fail "$1: not one line: $(cat "$2")"
    grep -q -- "$3" "$2" || fail "$1: the reason does not say '$3': $(cat "$2")"
    pass "$1: $(cat "$2")"
}
if (cd "$work/app" && PYDEB_TEST_PASSWORD=wrong-guess "$PYDEB" -q lock pydeb.yaml --lockfile "$work/x401.lock") >/dev/null 2>"$work/401.err"; then
    fail "a wrong password was accepted"
fi
grep -q wrong-guess "$work/401.err" && fail "the refused password is echoed"
one_line_failure "wrong password" "$work/401.err" "credentials are missing or were refused"
sed "s|$base/html/simple/|http://127.0.0.1:1/simple/|" "$work/app/pydeb.yaml" >"$work/app/down.yaml"
if (cd "$work/app" && "$PYDEB" -q lock down.yaml --lockfile "$work/down.lock") >/dev/null 2>"$work/down.err"; then
    fail "an unreachable index was accepted"
fi
one_line_failure "unreachable index" "$work/down.err" "127.0.0.1:1"
