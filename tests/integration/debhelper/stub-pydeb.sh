#!/bin/bash
# A stand-in for "pydeb install" that honours the command-line contract dh_pydeb and
# %pydeb_install rely on, so the debhelper and rpmbuild glue is tested without the pipeline:
#   stub-pydeb.sh install SPEC --root DIR [--debian-source DIR --package PKG] [--substvars FILE]
#                 [--rpm-filelist FILE --rpm-requires FILE] [--default KEY=VALUE]... [--strip yes|no]
#                 [--check-installable error|warn|off]
# It stages a small fake venv: pyvenv.cfg, a dist-info (bait for rpm's python generators), a real
# ELF object (bait for dh_shlibdeps/elfdeps), a file name with a space, an entry point and a
# config file under /etc. Prefix and bytecode come from the spec's "prefix:" / "bytecode:" lines.
# Every invocation is appended to $STUB_PYDEB_LOG when set.
set -euo pipefail
[ -n "${STUB_PYDEB_LOG:-}" ] && echo "$*" >>"$STUB_PYDEB_LOG"
[ "${1:-}" = install ] || { echo "stub-pydeb: only 'install' is implemented" >&2; exit 2; }
spec=$2
shift 2
root='' package='' substvars='' filelist='' requires=''
while [ $# -gt 0 ]; do
    case $1 in
    --root) root=$2 ;;
    --package) package=$2 ;;
    --substvars) substvars=$2 ;;
    --rpm-filelist) filelist=$2 ;;
    --rpm-requires) requires=$2 ;;
    --debian-source | --default | --strip | --check-installable) ;;
    *) echo "stub-pydeb: unknown option $1" >&2; exit 2 ;;
    esac
    shift 2
done
[ -f "$spec" ] || { echo "stub-pydeb: $spec: no such spec" >&2; exit 1; }
[ -n "$root" ] || { echo "stub-pydeb: --root is required" >&2; exit 2; }
name=$(sed -n 's/^name: *//p' "$spec")
name=${name:-${package:-demo}}
prefix=$(sed -n 's/^ *prefix: *//p' "$spec")
prefix=${prefix:-/opt/venvs/$name}
bytecode=$(sed -n 's/^ *bytecode: *//p' "$spec")
bytecode=${bytecode:-build}

venv=$root$prefix
site=$venv/lib/python3.11/site-packages
mkdir -p "$venv/bin" "$site/demo-1.0.dist-info" "$root/usr/bin" "$root/etc/$name"
printf 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n' >"$venv/pyvenv.cfg"
ln -sf /usr/bin/python3 "$venv/bin/python"
printf '#!%s/bin/python\nimport demo\n' "$prefix" >"$venv/bin/$name"
chmod 0755 "$venv/bin/$name"
ln -sf "$prefix/bin/$name" "$root/usr/bin/$name"
printf 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: requests (>=2)\n' \
    >"$site/demo-1.0.dist-info/METADATA"
echo 'print("demo")' >"$site/demo.py"
echo 'data' >"$site/data file.txt"
cp "$(find /usr/lib /lib -name 'libyaml-0.so.2*' -type f | head -1)" \
    "$site/_speedups.cpython-311-x86_64-linux-gnu.so"
echo 'greeting: hello' >"$root/etc/$name/$name.conf"

if [ -n "$substvars" ]; then
    mkdir -p "$(dirname "$substvars")"
    {
        echo 'pydeb:Depends=libyaml-0-2, python3.11'
        echo "pydeb:Prefix?=$prefix"
        echo 'pydeb:Interpreter?=/usr/bin/python3'
        echo "pydeb:Bytecode?=$bytecode"
    } >"$substvars"
fi
if [ -n "$filelist" ]; then
    {
        echo '%defattr(-,root,root,-)'
        (cd "$root" && find ".$prefix" "./etc/$name" -type d) | sed 's|^\.\(.*\)|%dir "\1"|'
        (cd "$root" && find ".$prefix" "./usr/bin" ! -type d) | sed 's|^\.\(.*\)|"\1"|'
        echo "%config(noreplace) \"/etc/$name/$name.conf\""
    } >"$filelist"
fi
if [ -n "$requires" ]; then
    printf 'libpq.so.5()(64bit)\npython3 >= 3.11\n' >"$requires"
fi
