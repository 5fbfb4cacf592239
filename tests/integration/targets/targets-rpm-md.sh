#!/bin/bash
# Issue #15, rpm targets with rpm-md repositories at URLs: real repositories made now by
# createrepo_c from rpms rpmbuild makes (stand-ins for EL9's python3.11 and EL8's python3.9: each
# provides python(abi) and ships /usr/bin/python3.X and /bin/sh, what a small app's .rpm requires
# on the system interpreter), repomd.xml signed with a throwaway key (gpg --detach-sign --armor, as
# dnf's repo_gpgcheck=1 expects), served by a loopback nginx whose access log counts requests:
#  - the URL with keyring: builds with check-installable: error, the check answered by that
#    repository (repomd.xml, its .asc, primary and filelists fetched once); a repository with only
#    python(abi) = 3.9 fails naming the requirement it cannot satisfy; a second build asks nothing;
#    the repository updated on the server while its old repomd.xml is stored, and a stored
#    repomd.xml altered, are each fetched again;
#  - without keyring: one warning that repomd.xml is not authenticated, and the build goes on;
#  - a primary.xml.gz with one byte changed (fresh cache) is refused naming its URL and both
#    hashes; a repomd.xml.asc made by another key is refused; an unreachable URL gives one line
#    naming it (credentials masked), a non-zero exit and nothing in the output directory.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
need nginx nginx-light
need gpgv gpgv
need gpg gpg
need rpmbuild rpm
need createrepo_c createrepo-c
lib=$PYDEB_SOURCE_ROOT/tests/integration/lib
work=$(scratch)
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" >/dev/null

# --- the rpms, the repositories, the keys -----------------------------------------------------------
stand_in() { # NAME PYTHON-VERSION: an rpm in $work/rpmbuild/RPMS/noarch
    cat >"$work/$1.spec" <<SPEC
Name: $1
Version: $2
Release: 1.el9
Summary: A stand-in for python$2
License: MIT
BuildArch: noarch
Provides: python(abi) = $2
%description
Its files are empty: only its metadata is read.
%install
mkdir -p %{buildroot}/usr/bin %{buildroot}/bin
touch %{buildroot}/usr/bin/python$2 %{buildroot}/bin/sh
%files
/usr/bin/python$2
/bin/sh
SPEC
    rpmbuild -bb --quiet --nodeps --define "_topdir $work/rpmbuild" "$work/$1.spec" >"$work/$1.log" 2>&1 ||
        { cat "$work/$1.log"; fail "rpmbuild $1"; }
}
stand_in python3.11 3.11
stand_in python3.9 3.9
www=$work/www
repo() { # NAME RPM-NAME: a repository at $www/NAME holding that rpm
    mkdir -p "$www/$1"
    cp "$work"/rpmbuild/RPMS/noarch/"$2"-*.rpm "$www/$1/"
    createrepo_c -q --no-database "$www/$1"
}
repo el9 python3.11
repo el8 python3.9
export GNUPGHOME=$work/gnupg
mkdir -m 700 "$GNUPGHOME"
key() { # UID KEYRING: a new signing key, exported (binary, as gpgv reads it) to KEYRING
    gpg --batch --quiet --passphrase '' --quick-gen-key "$1" ed25519 sign never
    gpg --batch --export "$1" >"$2"
}
key "el9 repository <el9@example.com>" "$work/el9.gpg"
key "someone else <other@example.com>" "$work/other.gpg"
sign() { # REPOSITORY UID
    gpg --batch --yes --local-user "$2" --detach-sign --armor "$www/$1/repodata/repomd.xml"
}
sign el9 el9@example.com
sign el8 el9@example.com
# tampered: el9 with one byte of its primary.xml.gz changed; badsig: el9 signed by another key.
for bad in tampered badsig; do cp -a "$www/el9" "$www/$bad"; done
primary=$(ls "$www"/tampered/repodata/*-primary.xml.gz)
good_sha=$(sha256sum "$primary" | cut -d' ' -f1)
printf '\x00' | dd of="$primary" bs=1 seek=100 conv=notrunc status=none
bad_sha=$(sha256sum "$primary" | cut -d' ' -f1)
[ "$good_sha" != "$bad_sha" ] || fail "the tampered primary.xml.gz is unchanged"
sign badsig other@example.com
gpgv --keyring "$work/el9.gpg" "$www/el9/repodata/repomd.xml.asc" "$www/el9/repodata/repomd.xml" 2>/dev/null ||
    fail "gpgv does not verify the good signature"
! gpgv --keyring "$work/el9.gpg" "$www/badsig/repodata/repomd.xml.asc" "$www/badsig/repodata/repomd.xml" 2>/dev/null ||
    fail "gpgv verifies the other key's signature"

# shellcheck disable=SC2064 # expand now
trap "bash '$lib/loopback-nginx.sh' stop '$work/nginx'; rm -rf '$PYDEB_TEST_TMP'" EXIT
port=$(bash "$lib/loopback-nginx.sh" start "$www" "$work/nginx")
url=http://127.0.0.1:$port
log=$work/nginx/access.log
requests() { wc -l <"$log"; }

# --- the app: idna on the system interpreter, .rpm only -----------------------------------------
mkdir -p "$work/app"
spec() { # TARGET-ITEM
    cat >"$work/app/pydeb.yaml" <<SPEC
$(small_app_header)
install: {requirements: [idna], wheelhouse: [$PYDEB_CACHE/wheels]}
formats: [rpm]
check-installable: error
targets:
  - $1
SPEC
}
build() { # OUT: pydeb build into OUT, its output in OUT.log
    (cd "$work/app" && XDG_CACHE_HOME=${xdg:-$work/xdg} "$PYDEB" build pydeb.yaml -o "$1") >"$1.log" 2>&1
}
rpm_file=small-1.0-1.el9.x86_64.rpm

# --- a signed repository by URL: checked against it, cached --------------------------------------
spec "{rpm: el9, repositories: [$url/el9/], keyring: $work/el9.gpg}"
build "$work/out1" || { cat "$work/out1.log"; fail "build against $url/el9"; }
[ -f "$work/out1/$rpm_file" ] || fail "expected $rpm_file, got: $(ls "$work/out1")"
rpm -qpR "$work/out1/$rpm_file" | has -xF "python(abi) = 3.11" || fail "the .rpm does not require python(abi) = 3.11"
! has -F "warning" "$work/out1.log" || fail "a warning with a verified repository: $(cat "$work/out1.log")"
expected="GET /el9/repodata/repomd.xml 200
GET /el9/repodata/repomd.xml.asc 200
GET /el9/repodata/$(basename "$(ls "$www"/el9/repodata/*-primary.xml.gz)") 200
GET /el9/repodata/$(basename "$(ls "$www"/el9/repodata/*-filelists.xml.gz)") 200"
[ "$(cut -d' ' -f1-3 "$log" | sort)" = "$(sort <<<"$expected")" ] ||
    fail "expected repomd.xml, its signature, primary and filelists once: $(cat "$log")"
first=$(requests)
build "$work/out2" || { cat "$work/out2.log"; fail "second build against $url/el9"; }
[ "$(requests)" = "$first" ] || fail "the second build made requests: $(tail -n +"$((first + 1))" "$log")"
cmp "$work/out1/$rpm_file" "$work/out2/$rpm_file" || fail "the second build's .rpm differs"
pass "el9 by URL: installable against it ($first requests: repomd.xml, .asc, primary, filelists); a second build asks nothing"

# The repository updated on the server within the day the stored repomd.xml is reused, and its
# data files gone from the store: the old primary is no longer there (404), so repomd.xml is
# fetched again and the new files it lists are used.
find "$work/xdg/pydeb/release-metadata" -name '*.xml.gz' -delete
cp "$work"/rpmbuild/RPMS/noarch/python3.9-*.rpm "$www/el9/"
createrepo_c -q --no-database --update "$www/el9"
sign el9 el9@example.com
build "$work/out2b" || { cat "$work/out2b.log"; fail "build against the updated $url/el9"; }
updated=$(tail -n +"$((first + 1))" "$log" | cut -d' ' -f1-3)
has -E "^GET /el9/repodata/[0-9a-f]{64}-(primary|filelists).xml.gz 404$" <<<"$updated" ||
    fail "the stored repomd.xml's files were not asked for: $updated"
[ "$(grep -c '^GET /el9/repodata/repomd.xml' <<<"$updated")" = 2 ] || fail "repomd.xml and its .asc not fetched again: $updated"
has -F "GET /el9/repodata/$(basename "$(ls "$www"/el9/repodata/*-primary.xml.gz)") 200" <<<"$updated" ||
    fail "the updated primary was not fetched: $updated"
pass "an update on the server within the day: $(wc -l <<<"$updated") requests, the new repomd.xml's files used"

# The stored repomd.xml altered (its signature no longer verifies): fetched again, never used.
stored=$(find "$work/xdg/pydeb/release-metadata" -name repomd.xml)
[ "$(wc -l <<<"$stored")" = 1 ] || fail "expected one stored repomd.xml: $stored"
sed -i 's/<revision>/<revision>9/' "$stored"
before=$(requests)
build "$work/out2c" || { cat "$work/out2c.log"; fail "build with an altered stored repomd.xml"; }
refetched=$(tail -n +"$((before + 1))" "$log" | cut -d' ' -f1-3 | sort)
[ "$refetched" = "$(printf 'GET /el9/repodata/repomd.xml 200\nGET /el9/repodata/repomd.xml.asc 200')" ] ||
    fail "an altered stored repomd.xml: expected repomd.xml and its .asc fetched again, got: $refetched"
pass "an altered stored repomd.xml is fetched again (2 requests), never used"

# The same requirement against a repository that has only python(abi) = 3.9: the check is that
# repository's, and fails before anything is written.
spec "{rpm: el9, repositories: [$url/el8], keyring: $work/el9.gpg}"
if build "$work/out3"; then fail "a build against a repository without python(abi) = 3.11 succeeded"; fi
has -F "nothing provides python(abi) = 3.11 needed by small-1.0-1.el9.x86_64" "$work/out3.log" ||
    fail "the failure does not name the requirement: $(cat "$work/out3.log")"
[ -z "$(ls -A "$work/out3" 2>/dev/null)" ] || fail "a failed build wrote: $(ls "$work/out3")"
pass "a repository without python(abi) = 3.11: $(grep -m1 'nothing provides' "$work/out3.log")"

# --- no keyring: one warning, as dnf with repo_gpgcheck=0 ------------------------------------------
spec "{rpm: el9, repositories: [$url/el9]}"
xdg=$work/xdg-unsigned build "$work/out4" || { cat "$work/out4.log"; fail "build without keyring"; }
[ -f "$work/out4/$rpm_file" ] || fail "no .rpm without keyring: $(ls "$work/out4")"
[ "$(grep -c warning "$work/out4.log")" = 1 ] || fail "expected one warning: $(cat "$work/out4.log")"
has -F "warning: target el9: $url/el9/repodata/repomd.xml is used unauthenticated (no keyring:" "$work/out4.log" ||
    fail "the warning does not say repomd.xml is not authenticated: $(cat "$work/out4.log")"
pass "without keyring: $(grep warning "$work/out4.log")"

# --- refused, nothing written -------------------------------------------------------------------
refused() { # NAME TARGET-ITEM EXPECTED-TEXT...
    local name=$1 item=$2
    shift 2
    spec "$item"
    if xdg=$work/xdg-$name build "$work/out-$name"; then fail "$name: the build succeeded"; fi
    for text in "$@"; do
        has -F "$text" "$work/out-$name.log" || fail "$name: no '$text' in: $(cat "$work/out-$name.log")"
    done
    [ -z "$(ls -A "$work/out-$name" 2>/dev/null)" ] || fail "$name: a failed build wrote: $(ls "$work/out-$name")"
    [ "$(grep -c 'error' "$work/out-$name.log")" = 1 ] || fail "$name: expected one error line: $(cat "$work/out-$name.log")"
    pass "$name refused: $(grep error "$work/out-$name.log")"
}
refused tampered "{rpm: el9, repositories: [$url/tampered], keyring: $work/el9.gpg}" \
    "target el9: GET $url/tampered/${primary#"$www"/tampered/}: sha256 mismatch: expected $good_sha, got $bad_sha" \
    "not the file the verified repomd.xml lists; refused"
refused badsig "{rpm: el9, repositories: [$url/badsig], keyring: $work/el9.gpg}" \
    "target el9: the signature of $url/badsig/repodata/repomd.xml does not verify against $work/el9.gpg (" \
    "; refused"
# Port 1 on the loopback: nothing listens there (connection refused, retried, then reported).
refused unreachable "{rpm: el9, repositories: ['http://user:secret@127.0.0.1:1/el9'], keyring: $work/el9.gpg}" \
    "target el9: GET http://user:***@127.0.0.1:1/el9/repodata/repomd.xml: unreachable (" \
    "check the repository URL"
! has -F secret "$work/out-unreachable.log" || fail "the password is in the message"
