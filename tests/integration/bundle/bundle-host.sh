#!/bin/bash
# Issue #14's acceptance: the evaluation-style app (Flask, requests, lxml, numpy, psycopg2, PyYAML,
# psutil, a conffile and an entry point) built with `python: {bundle: host}`:
#  - the payload names none of the build host's Python paths nor the staging directory;
#  - the .deb depends on shared libraries only, and installs with apt into a clean bookworm root
#    without any python package; the app runs, imports all of them, and the bundled python's TLS
#    context loads the system CA bundle;
#  - the very same .deb installs and runs in a clean trixie root (system Python 3.13);
#  - the .rpm requires no python(abi) nor /usr/bin/python*, provides no libpython; rpm installs it
#    (without --nodeps) into a root whose rpmdb provides exactly what the root's libraries provide
#    (rpm's own elfdeps), and the bundled interpreter runs there. A system-interpreter .rpm is
#    refused by the same root (python(abi) is missing), so the check can fail.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
[ "$(id -u)" = 0 ] || fail "needs root (chroot, apt in a debootstrap root)"
clean_root=$PYDEB_SOURCE_ROOT/tests/integration/lib/clean-root.sh
# shellcheck disable=SC2064 # expand now
trap "'$clean_root' --remove '$PYDEB_TEST_TMP'" EXIT
work=$(scratch)

. "$PYDEB_SOURCE_ROOT/tests/integration/lib/evalapp.sh"
evalapp "$work"
(cd "$work/app" && "$PYDEB" build pydeb.yaml -o "$work/out") >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "pydeb build with bundle: host"; }
deb=$work/out/evalapp_1.0-1_amd64.deb
rpm=$work/out/evalapp-1.0-1.x86_64.rpm
{ [ -f "$deb" ] && [ -f "$rpm" ]; } || fail "no packages: $(ls "$work/out")"

# --- the payload -------------------------------------------------------------------------------
mkdir "$work/x"
dpkg-deb -x "$deb" "$work/x"
p=$work/x/opt/venvs/evalapp
[ -x "$p/python/bin/python3.11" ] || fail "no python/bin/python3.11 in the package"
[ "$(readlink "$p/bin/python3")" = /opt/venvs/evalapp/python/bin/python3.11 ] ||
    fail "bin/python3 -> $(readlink "$p/bin/python3")"
has -x 'home = /opt/venvs/evalapp/python/bin' "$p/pyvenv.cfg" || fail "pyvenv.cfg: $(cat "$p/pyvenv.cfg")"
# Host interpreter paths as path tokens (not "./usr/lib/..." build-tree names in sysconfig data) in
# the interpreter and the venv's own files (a wheel's README may quote /usr/bin/python3), and the
# staging directory anywhere.
if grep -rIlP '(?<![.\w])/usr/lib/python3\.11|(?<![.\w])/usr/bin/python3|(?<![.\w])/usr/include/python3' \
    "$p/python" "$p/bin" "$p/pyvenv.cfg" >"$work/hits" || grep -rl "$work" "$work/x" >>"$work/hits" ||
    grep -rIl '/tmp/pydeb-' "$work/x" >>"$work/hits"; then
    fail "the payload names build-host paths: $(head -5 "$work/hits")"
fi
has "'prefix': '/opt/venvs/evalapp/python'" "$p"/python/lib/python3.11/_sysconfigdata_*.py ||
    fail "sysconfig data not relocated"
for left_out in test idlelib dist-packages tkinter; do
    [ ! -e "$p/python/lib/python3.11/$left_out" ] || fail "python/lib/python3.11/$left_out is shipped"
done
ls "$p"/python/lib/python3.11/__pycache__/os.cpython-311.pyc >/dev/null || fail "stdlib not compiled"
pass "payload: interpreter at /opt/venvs/evalapp/python, relocated, no build-host path"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
if tr ',' '\n' <<<"$depends" | grep -E '^ *python'; then fail "the .deb depends on a python package"; fi
for lib in libc6 libssl3 libffi8 libpq5 libxml2 libyaml-0-2 liblapack3; do
    printf '%s\n' "${depends//[,|]/$'\n'}" | has -E "^ *$lib( |$)" || fail "Depends lacks $lib"
done
[ "$(dpkg-deb -f "$deb" Recommends)" = ca-certificates ] || fail "Recommends: $(dpkg-deb -f "$deb" Recommends)"
pass "Depends names shared libraries only (and Recommends ca-certificates)"

# --- apt in clean roots of two releases ----------------------------------------------------------
check_app() { # ROOT RELEASE
    local root=$1 release=$2
    in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"; }
    mount -t proc proc "$root/proc"
    cp "$deb" "$root/tmp/"
    in_root apt-get install -y -q "/tmp/${deb##*/}" >"$work/apt-$release.log" 2>&1 ||
        { tail -20 "$work/apt-$release.log"; fail "apt-get install ./${deb##*/} in a clean $release root"; }
    # shellcheck disable=SC2016 # dpkg-query's format
    # dpkg-query exits 1 when a pattern matches no package (the expected case); anything else fails.
    in_root dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n' 'python*' 'libpython*' >"$work/py-$release" 2>/dev/null ||
        [ $? = 1 ] || fail "$release: dpkg-query failed"
    if grep '^ii' "$work/py-$release"; then fail "$release: apt installed python packages (above)"; fi
    in_root /opt/venvs/evalapp/bin/python -W ignore -c '
import flask, requests, lxml.etree, numpy, psycopg2, yaml, psutil, hello, ssl, sys, decimal, sqlite3
numpy.linalg.inv(numpy.eye(3))
assert yaml.__with_libyaml__
stats = ssl.create_default_context().cert_store_stats()
assert stats["x509_ca"] > 0, stats
print(sys.version.split()[0], stats["x509_ca"], "CA certificates")' >"$work/run-$release.log" 2>&1 ||
        { cat "$work/run-$release.log"; fail "$release: the app's imports or TLS context"; }
    in_root hello --help | has Usage || fail "$release: /usr/bin/hello does not run"
    pass "$release: apt installs it without python packages; imports and TLS work ($(cat "$work/run-$release.log"))"
}
"$clean_root" "$work/bookworm" bookworm
check_app "$work/bookworm" bookworm
"$clean_root" "$work/trixie" trixie
has '^13' "$work/trixie/etc/debian_version" || fail "the trixie root is $(cat "$work/trixie/etc/debian_version")"
check_app "$work/trixie" trixie

# --- rpm -------------------------------------------------------------------------------------------
rpm -qp --requires "$rpm" >"$work/requires"
rpm -qp --provides "$rpm" >"$work/provides"
if grep -E 'python\(abi\)|^/usr/bin/python' "$work/requires"; then fail "the .rpm requires a system Python"; fi
if grep -Ei 'libpython|\.so' "$work/provides"; then fail "the .rpm provides the bundle's libraries"; fi
has -x ca-certificates < <(rpm -qp --recommends "$rpm") || fail "the .rpm does not recommend ca-certificates"
root=$work/bookworm
umount "$root/proc"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q evalapp >"$work/purge.log" 2>&1 ||
    { cat "$work/purge.log"; fail "purge"; }
[ ! -e "$root/opt/venvs/evalapp" ] || fail "purge left /opt/venvs/evalapp"
# What the root's libraries provide, as rpm's own generator names it, as one package in the rpmdb.
find "$root/usr/lib/x86_64-linux-gnu" "$root/lib/x86_64-linux-gnu" -maxdepth 1 -name '*.so*' \
    \( -type f -o -type l \) 2>/dev/null | sort -u | /usr/lib/rpm/elfdeps --provides | sort -u >"$work/root-provides"
mkdir "$work/prov"
{
    printf 'Name: root-libraries\nVersion: 1\nRelease: 1\nSummary: the libraries of a Debian root\n'
    printf 'License: none\nBuildArch: x86_64\nProvides: /bin/sh\n'
    sed 's/^/Provides: /' "$work/root-provides"
    printf '%%description\nWhat the root provides, by rpm elfdeps.\n%%files\n'
} >"$work/prov/p.spec"
rpmbuild -bb --quiet --define "_topdir $work/prov/top" --define "_rpmdir $work/prov" "$work/prov/p.spec" \
    >"$work/rpmbuild.log" 2>&1 || { cat "$work/rpmbuild.log"; fail "rpmbuild of the provides package"; }
rpm_root() { rpm --root "$root" --dbpath /var/lib/rpm "$@"; }
rpm_root --initdb
rpm_root -i "$work/prov/x86_64/root-libraries-1-1.x86_64.rpm" 2>"$work/err" || fail "$(cat "$work/err")"
rpm_root -i "$rpm" 2>"$work/err" || fail "rpm -i of the bundled .rpm: $(cat "$work/err")"
chroot "$root" env -i PATH=/usr/bin:/bin /opt/venvs/evalapp/bin/python -W ignore -c \
    'import lxml.etree, numpy, psycopg2, yaml, ssl; assert ssl.create_default_context().cert_store_stats()["x509_ca"] > 0' \
    || fail "the bundled interpreter does not run after rpm -i"
pass "rpm -i without --nodeps into a root providing only its libraries; the bundled python runs"

# The control: the same app with the system interpreter needs python(abi) and /usr/bin/python3.11.
sed -i 's|^python: {bundle: host}|python: {interpreter: /usr/bin/python3}|; s|^name: evalapp|name: sysapp|' "$work/app/pydeb.yaml"
sed -i 's|requirements: .*|requirements: [hello]|' "$work/app/pydeb.yaml"
(cd "$work/app" && "$PYDEB" build pydeb.yaml -o "$work/out" --format rpm) >"$work/build2.log" 2>&1 ||
    { cat "$work/build2.log"; fail "pydeb build with the system interpreter"; }
rpm -qp --requires "$work/out/sysapp-1.0-1.x86_64.rpm" | has -x '/usr/bin/python3.11' ||
    fail "a system-interpreter .rpm does not require the versioned interpreter it links"
if rpm_root -i "$work/out/sysapp-1.0-1.x86_64.rpm" 2>"$work/err"; then
    fail "a system-interpreter .rpm installed where no Python is"
fi
has 'python(abi) = 3.11 is needed' "$work/err" || fail "unexpected refusal: $(cat "$work/err")"
pass "control: the system-interpreter .rpm requires python(abi) and /usr/bin/python3.11 and is refused there"
