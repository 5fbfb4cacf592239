#!/bin/bash
# End-to-end benchmark: the same app, from the same wheels, with the same interpreter, packaged by
#   dhv          dh-virtualenv (Debian's dh-virtualenv, debhelper-compat 13, dpkg-buildpackage -us -uc -b,
#                default dh sequence: dh_strip (+ dbgsym), dh_strip_nondeterminism, dh_shlibdeps, xz)
#   pydeb-dh     the dh route: a Debian source package with Build-Depends: dh-sequence-pydeb, rules of
#                just `dh $@` and a minimal debian/pydeb.yaml, built with dpkg-buildpackage -us -uc -b
#                (default dh sequence, as dhv: dh_strip_nondeterminism (told to skip the venv),
#                dh_shlibdeps, dh_builddeb's xz), pydeb's caches empty (cold)
#   pydeb-dh-zstd  the same with `override_dh_builddeb: dh_builddeb -- -Zzstd` in debian/rules
#                (dh_builddeb's xz is most of pydeb-dh's time; see dh_pydeb(1) before using zstd)
#   pydeb-zstd   pydeb build SPEC --format deb (defaults: zstd, bytecode: build, strip)
#   pydeb-warm   the same pydeb build run again in the same directory (lockfile and caches warm)
#   pydeb-xz     pydeb with `compression: xz` (the compressor dh-virtualenv users get)
#   pip          python3 -m venv + pip install --no-index --find-links WH (no package; a lower bound)
#   pip-nocompile  the same with --no-compile (no bytecode; not comparable with the others)
#
#   bench/run.sh [--app small|large] [--repeat N] [--pydeb PATH] [--only LIST] [--no-warmup]
#                [--install-check] [--profile-dhv] [--keep] [--out DIR]
#
# --app small      (default) issue #9's app: Flask, requests, lxml, numpy, psycopg2, PyYAML, psutil,
#                  six and examples/hello: 18 wheels (tests/corpus/make-app-wheelhouse.sh)
# --app large      issue #17's large app: Django, SQLAlchemy, pandas, SciPy, boto3/botocore,
#                  cryptography, Celery, ansible-core, grpcio, the corpus and their dependencies: 76
#                  wheels, 20,900 files in the package (tests/corpus/make-large-wheelhouse.sh);
#                  dh-virtualenv takes minutes a round there, so say --repeat 1 --no-warmup
# --install-check  also installs the dh-virtualenv and pydeb .debs with apt in a clean debootstrap root
# --profile-dhv    one extra, uncounted dh-virtualenv build that times each dh_* step
# --out DIR        where results, logs and the work tree go (default bench/out, git-ignored)
#
# The contenders alternate: every round runs each once, in an order rotated by the round number, so
# load changes and cache effects spread over all of them. Each run is measured by GNU time (wall
# time, user+sys CPU, peak RSS of the largest process in the tree). Output: a table on stdout,
# bench/out/results.json, bench/out/bench.png, per-run logs in bench/out/logs.
# Needs (Debian): dh-virtualenv debhelper dpkg-dev python3-venv python3-pip-whl time python3-matplotlib,
# and the libraries the app links: libblas3 liblapack3 libxml2 libxslt1.1 libpq5 libyaml-0-2, and for
# --app large also libgfortran5 liblbfgsb0 libffi8 libssl3 libsodium23 libprotobuf32 libabsl20220623
# libc-ares2 libre2-9.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
python=/usr/bin/python3
app_kind=small
repeat=3
pydeb=$root/build/src/pydeb
only=dhv,pydeb-dh,pydeb-dh-zstd,pydeb-zstd,pydeb-warm,pydeb-xz,pydeb-bundled,pip,pip-nocompile
warmup=1
install_check=0
profile_dhv=0
keep=0
out=$here/out

usage() { awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "${BASH_SOURCE[0]}"; }
while (($#)); do
    case $1 in
    --app) app_kind=${2:?}; shift 2 ;;
    --repeat) repeat=${2:?}; shift 2 ;;
    --pydeb) pydeb=$(realpath "${2:?}"); shift 2 ;;
    --only) only=${2:?}; shift 2 ;;
    --no-warmup) warmup=0; shift ;;
    --install-check) install_check=1; shift ;;
    --profile-dhv) profile_dhv=1; shift ;;
    --keep) keep=1; shift ;;
    --out) out=$(realpath -m "${2:?}"); shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ $app_kind == small || $app_kind == large ]] || { echo "run.sh: --app is small or large" >&2; exit 2; }
[[ $repeat =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --repeat needs a positive integer" >&2; exit 2; }
IFS=, read -r -a contenders <<<"$only"
wants() { [[ ,$only, == *,$1,* ]]; }

# --- preconditions -------------------------------------------------------------------------------
missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
[[ -x /usr/bin/dh_virtualenv ]] || missing+=(dh-virtualenv)
command -v dpkg-buildpackage >/dev/null || missing+=(dpkg-dev)
[[ -f /usr/share/perl5/Debian/Debhelper/Sequence/python_virtualenv.pm ]] || missing+=(dh-virtualenv)
"$python" -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
compgen -G '/usr/share/python-wheels/pip-*.whl' >/dev/null || missing+=(python3-pip-whl)
"$python" -c 'import matplotlib' 2>/dev/null || missing+=(python3-matplotlib)
# The shared libraries numpy, lxml and psycopg2 link against: both tools map them to packages
# through the host's dpkg database (dh_shlibdeps, pydeb's map stage).
libs=(libblas3 liblapack3 libxml2 libxslt1.1 libpq5 libyaml-0-2)
[[ $app_kind == small ]] ||
    libs+=(libgfortran5 liblbfgsb0 libffi8 libssl3 libsodium23 libprotobuf32 libabsl20220623 libc-ares2 libre2-9)
for lib in "${libs[@]}"; do
    dpkg-query -W -f '${Status}' "$lib" 2>/dev/null | grep -q ' installed$' || missing+=("$lib")
done
if ((${#missing[@]})); then
    echo "run.sh: missing Debian packages; run: apt-get install -y ${missing[*]}" >&2
    exit 2
fi
if wants pydeb-zstd || wants pydeb-xz || wants pydeb-warm || wants pydeb-dh || wants pydeb-dh-zstd; then
    [[ -x $pydeb ]] || {
        echo "run.sh: no pydeb binary at $pydeb: build it (ninja -C build) or pass --pydeb PATH," >&2
        echo "        or leave pydeb out with --only dhv,pip,pip-nocompile" >&2
        exit 2
    }
fi
wants pydeb-warm && ! wants pydeb-zstd && { echo "run.sh: pydeb-warm needs pydeb-zstd" >&2; exit 2; }

# Host pip configuration must not change what pip does (both dh-virtualenv's pip and plain pip).
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1
unset PYTHONDONTWRITEBYTECODE PYTHONPATH VIRTUAL_ENV DEB_BUILD_OPTIONS

mkdir -p "$out"
rm -rf "$out/logs" "$out/work" "$out"/last-*.deb "$out/pydeb.snapshot"
mkdir -p "$out/logs" "$out/work"
# A snapshot of the binary, so a relink during the run cannot change a contender half-way.
if [[ -x $pydeb ]]; then
    cp "$pydeb" "$out/work/pydeb"
    pydeb=$out/work/pydeb
fi
work=$out/work
((keep)) || trap 'rm -rf "$work"' EXIT
runs_tsv=$out/runs.tsv
printf 'contender\tround\twall_s\tuser_s\tsys_s\tmaxrss_kb\tdeb_bytes\tinstalled_size_kb\tfiles\n' >"$runs_tsv"

# --- the app: its wheelhouse, requirements, console script, and what the checks look for ---------
version=1.0
wheels=$work/wheels
site=lib/python3.11/site-packages
if [[ $app_kind == small ]]; then
    app=benchapp
    # The app of issue #9: Flask, requests, lxml, numpy, psycopg2, PyYAML, psutil (+ six and our own hello).
    requirements=('flask>=2' requests lxml numpy psycopg2 PyYAML psutil six hello)
    summary='benchmark app (Flask, requests, lxml, numpy, psycopg2, PyYAML, psutil)'
    script=hello
    # The test corpus, numpy, lxml and psutil repacked the same way, and hello's own wheel: the same
    # wheelhouse the bundled-interpreter tests use.
    make_wheelhouse=$root/tests/corpus/make-app-wheelhouse.sh
    # Files both packages must have (relative to the venv), and the check run in a clean root.
    expected=("$site/flask/__init__.py" "$site/requests/__init__.py" "$site/yaml/__init__.py" "$site/six.py"
        "$site/hello/cli.py" "$site/numpy/__init__.py" "$site/lxml/__init__.py" "$site/psutil/__init__.py"
        "$site/psycopg2/_psycopg*.so" bin/hello bin/python3)
    smoke="bin/python -c 'import flask, requests, psycopg2, yaml, six, hello, psutil, lxml.etree, numpy; numpy.linalg.inv(numpy.eye(3)); print(\"libyaml:\", yaml.__with_libyaml__)' && hello --help >/dev/null"
else
    app=largeapp
    # One requirement: largeapp-1.0 requires the 75 other projects of the wheelhouse.
    requirements=(largeapp)
    summary='large benchmark app (Django, SQLAlchemy, pandas, SciPy, boto3, Celery, ansible-core, grpcio)'
    script=largeapp
    make_wheelhouse=$root/tests/corpus/make-large-wheelhouse.sh
    expected=("$site/django/__init__.py" "$site/sqlalchemy/__init__.py" "$site/pandas/__init__.py"
        "$site/pandas/_libs/lib.cpython-311-x86_64-linux-gnu.so" "$site/scipy/linalg/__init__.py"
        "$site/botocore/data/s3/2006-03-01/service-2.json" "$site/boto3/__init__.py" "$site/celery/__init__.py"
        "$site/ansible/__init__.py" "$site/grpc/__init__.py" "$site/cryptography/hazmat/bindings/_rust.abi3.so"
        "$site/_cffi_backend.cpython-311-x86_64-linux-gnu.so" "$site/largeapp/__init__.py"
        bin/largeapp bin/django-admin bin/ansible-playbook bin/celery bin/python3)
    # largeapp imports Django, pandas, SciPy, boto3, Celery, ansible, grpc... and their C extensions.
    smoke="largeapp >/tmp/largeapp.out && bin/django-admin --version && bin/ansible --version >/dev/null"
fi
prefix=/opt/venvs/$app
echo "== preparing the wheelhouse ($app_kind app)" >&2
"$make_wheelhouse" "$wheels" >"$out/logs/wheelhouse.log" 2>&1 ||
    { cat "$out/logs/wheelhouse.log" >&2; echo "run.sh: making the wheelhouse failed" >&2; exit 1; }
printf '%s\n' "${requirements[@]}" >"$work/requirements.txt"

# --- contender templates ---------------------------------------------------------------------------
# dh-virtualenv: a Debian source package whose only content is debian/ and requirements.txt. The app's
# own wheel (hello) comes from the wheelhouse like every other wheel (--skip-install), so both tools
# install exactly the same wheels; a real dh-virtualenv project would also build itself from source.
make_dhv_template() {
    local src=$work/dhv-template/$app-$version
    mkdir -p "$src/debian/source"
    cp "$work/requirements.txt" "$src/requirements.txt"
    echo '3.0 (native)' >"$src/debian/source/format"
    cat >"$src/debian/control" <<EOF
Source: $app
Section: python
Priority: optional
Maintainer: Jane Doe <jane@example.com>
Build-Depends: debhelper-compat (= 13), dh-virtualenv (>= 1.2), python3, python3-venv
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: $app
Architecture: any
Pre-Depends: \${misc:Pre-Depends}
Depends: \${misc:Depends}, \${shlibs:Depends}, python3 (>= 3.11), python3 (<< 3.12)
Description: $summary
 The same application pydeb's benchmark packages, in a virtualenv under $prefix.
EOF
    cat >"$src/debian/changelog" <<EOF
$app ($version) unstable; urgency=medium

  * Benchmark build.

 -- Jane Doe <jane@example.com>  Thu, 01 Jan 2026 00:00:00 +0000
EOF
    # The console script on PATH, as pydeb's entry-points: [$script] does.
    echo "$prefix/bin/$script usr/bin/$script" >"$src/debian/$app.links"
    cat >"$src/debian/rules" <<EOF
#!/usr/bin/make -f
%:
	dh \$@ --with python-virtualenv

override_dh_virtualenv:
	dh_virtualenv --builtin-venv --python $python --skip-install \\
	    --extra-pip-arg --no-index --extra-pip-arg --find-links=$wheels
EOF
    chmod +x "$src/debian/rules"
}

# The dh route: the same source package shape as dh-virtualenv's (debian/ and requirements.txt),
# with the pydeb addon from this tree (PERL5LIB, PATH, DH_AUTOSCRIPTDIR set by run_pydeb_dh) and a
# debian/pydeb.yaml that says only what debian/ does not; its paths are relative to the package root.
make_pydeb_dh_template() { # NAME [DH_BUILDDEB_ARGS]
    local src=$work/$1-template/$app-$version
    mkdir -p "$src/debian/source"
    cp "$work/requirements.txt" "$src/requirements.txt"
    ln -s "$wheels" "$src/wheels"
    echo '3.0 (native)' >"$src/debian/source/format"
    cat >"$src/debian/control" <<EOF
Source: $app
Section: python
Priority: optional
Maintainer: Jane Doe <jane@example.com>
Build-Depends: debhelper-compat (= 13), dh-sequence-pydeb, python3
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: $app
Architecture: any
Depends: \${pydeb:Depends}, \${shlibs:Depends}, \${misc:Depends}
Description: $summary
 The same application pydeb's benchmark packages, in a virtualenv under $prefix.
EOF
    cat >"$src/debian/changelog" <<EOF
$app ($version) unstable; urgency=medium

  * Benchmark build.

 -- Jane Doe <jane@example.com>  Thu, 01 Jan 2026 00:00:00 +0000
EOF
    printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n' >"$src/debian/rules"
    [[ -z ${2:-} ]] || printf 'override_dh_builddeb:\n\tdh_builddeb %s\n' "$2" >>"$src/debian/rules"
    chmod +x "$src/debian/rules"
    cat >"$src/debian/pydeb.yaml" <<EOF
python: {interpreter: $python}
install:
  requirements-file: requirements.txt
  wheelhouse: wheels
  bytecode: build
entry-points: [$script]
EOF
}

make_pydeb_template() { # DIR COMPRESSION
    mkdir -p "$1"
    {
        echo "name: $app"
        echo "version: \"$version\""
        echo 'release: "1"'
        echo "summary: $summary"
        echo 'description: The benchmark application, bundled in its own virtualenv.'
        echo 'maintainer: Jane Doe <jane@example.com>'
        echo 'license: MIT'
        if [[ $2 == bundled ]]; then
            echo 'python: {bundle: host}' # the same /usr/bin/python3, inside the package
        else
            echo "python: {interpreter: $python}"
        fi
        echo 'install:'
        echo "  prefix: $prefix"
        printf '  requirements: ['
        local sep=''
        for r in "${requirements[@]}"; do printf '%s"%s"' "$sep" "$r"; sep=', '; done
        echo ']'
        echo "  wheelhouse: [\"$wheels\"]"
        echo '  bytecode: build'
        echo "entry-points: [$script]"
        echo 'formats: [deb]'
        [[ $2 == default || $2 == bundled ]] || echo "compression: $2"
    } >"$1/pydeb.yaml"
}

make_dhv_template
make_pydeb_dh_template pydeb-dh
make_pydeb_dh_template pydeb-dh-zstd '-- -Zzstd'
make_pydeb_template "$work/pydeb-template-zstd" default
make_pydeb_template "$work/pydeb-template-xz" xz
make_pydeb_template "$work/pydeb-template-bundled" bundled

# --- measuring -------------------------------------------------------------------------------------
# measure NAME ROUND DIR -- CMD...: run CMD in DIR under GNU time; sets m_wall m_user m_sys m_rss.
measure() {
    local name=$1 round=$2 dir=$3
    shift 4
    local log=$out/logs/$name-$round.log timing=$work/time.$name.$round
    if ! (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$timing" "$@") >"$log" 2>&1; then
        echo "run.sh: $name (round $round) failed; the end of $log:" >&2
        tail -25 "$log" >&2
        exit 1
    fi
    read -r m_wall m_user m_sys m_rss <"$timing"
}

record() { # NAME ROUND DEB|- VENV_DIR|-
    local name=$1 round=$2 deb=$3 venv=$4 bytes='' isize='' files=''
    if [[ $deb != - ]]; then
        bytes=$(stat -c %s "$deb")
        isize=$(dpkg-deb -f "$deb" Installed-Size)
        files=$(dpkg-deb -c "$deb" | grep -vc '^d')
        cp "$deb" "$out/last-$name.deb"
    else
        isize=$(du -sk --apparent-size "$venv" | cut -f1)
        files=$(find "$venv" ! -type d | wc -l)
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$m_wall" "$m_user" "$m_sys" "$m_rss" \
        "$bytes" "$isize" "$files" >>"$runs_tsv"
    printf '  %-14s round %-2s %7.2fs wall %7.2fs cpu %7d KiB rss %s\n' "$name" "$round" "$m_wall" \
        "$(echo "$m_user + $m_sys" | bc)" "$m_rss" "${bytes:+$bytes bytes}" >&2
}

run_dhv() { # ROUND
    local dir=$work/dhv-$1
    rm -rf "$dir"
    cp -r "$work/dhv-template" "$dir"
    measure dhv "$1" "$dir/$app-$version" -- dpkg-buildpackage -us -uc -b
    record dhv "$1" "$(ls "$dir"/${app}_"$version"_*.deb)" -
}

run_pydeb_dh() { # ROUND NAME(pydeb-dh|pydeb-dh-zstd)
    local dir=$work/$2-$1
    rm -rf "$dir"
    cp -a "$work/$2-template" "$dir"
    mkdir -p "$dir/cache"
    # Cold, as pydeb-zstd: no lockfile, empty caches. The addon and dh_pydeb come from this tree,
    # so dh-sequence-pydeb is not an installed package: -d skips dpkg-checkbuilddeps (a fraction
    # of a second; dh still activates the addon from Build-Depends).
    XDG_CACHE_HOME=$dir/cache PYDEB=$pydeb PERL5LIB=$root/debhelper/lib${PERL5LIB:+:$PERL5LIB} \
        PATH=$root/debhelper:$PATH DH_AUTOSCRIPTDIR=$root/templates/deb \
        measure "$2" "$1" "$dir/$app-$version" -- dpkg-buildpackage -us -uc -b -d
    record "$2" "$1" "$(ls "$dir"/${app}_"$version"_*.deb)" -
}

run_pydeb() { # ROUND VARIANT(zstd|xz|bundled)
    local dir=$work/pydeb-$2-$1
    rm -rf "$dir"
    cp -r "$work/pydeb-template-$2" "$dir"
    mkdir -p "$dir/out" "$dir/cache"
    # Cold: no lockfile, an empty cache (interpreter facts, .solv repositories).
    XDG_CACHE_HOME=$dir/cache measure "pydeb-$2" "$1" "$dir" -- "$pydeb" build --timings pydeb.yaml -o out --format deb
    record "pydeb-$2" "$1" "$(ls "$dir"/out/*.deb)" -
    if [[ $2 == zstd ]] && wants pydeb-warm; then
        # Warm: the same spec again, with the caches of the cold run and a lockfile. `build` does not
        # write pydeb.lock (yet?); then `pydeb lock` writes it, untimed, as a user's first build would.
        if [[ ! -f $dir/pydeb.lock ]]; then
            (cd "$dir" && XDG_CACHE_HOME=$dir/cache "$pydeb" lock pydeb.yaml) >"$out/logs/pydeb-lock-$1.log" 2>&1 ||
                echo "run.sh: pydeb lock failed (see $out/logs/pydeb-lock-$1.log); the warm run re-resolves" >&2
        fi
        mkdir -p "$dir/out-warm"
        XDG_CACHE_HOME=$dir/cache measure pydeb-warm "$1" "$dir" -- "$pydeb" build --timings pydeb.yaml -o out-warm --format deb
        record pydeb-warm "$1" "$(ls "$dir"/out-warm/*.deb)" -
    fi
}

run_pip() { # ROUND compile|nocompile
    local name=pip dir=$work/pip-$2-$1 extra=()
    [[ $2 == nocompile ]] && { name=pip-nocompile; extra=(--no-compile); }
    rm -rf "$dir"
    mkdir -p "$dir"
    # Fresh venv (with pip, from ensurepip) and the install, as one measurement.
    # shellcheck disable=SC2016 # expanded by the inner bash
    measure "$name" "$1" "$dir" -- bash -c 'py=$1 wh=$2 req=$3; shift 3
        "$py" -m venv venv && venv/bin/python -m pip install -q --no-index --find-links "$wh" "$@" -r "$req"' \
        _ "$python" "$wheels" "$work/requirements.txt" "${extra[@]}"
    record "$name" "$1" - "$dir/venv"
}

run_one() { # CONTENDER ROUND
    case $1 in
    dhv) run_dhv "$2" ;;
    pydeb-dh | pydeb-dh-zstd) run_pydeb_dh "$2" "$1" ;;
    pydeb-zstd) run_pydeb "$2" zstd ;;
    pydeb-xz) run_pydeb "$2" xz ;;
    pydeb-bundled) run_pydeb "$2" bundled ;;
    pydeb-warm) ;; # runs right after pydeb-zstd, in its directory
    pip) run_pip "$2" compile ;;
    pip-nocompile) run_pip "$2" nocompile ;;
    *) echo "run.sh: unknown contender '$1'" >&2; exit 2 ;;
    esac
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $(nproc) CPUs, load $load_before; $repeat rounds of: ${contenders[*]}" >&2
if ((warmup)); then
    echo "== warm-up round (not counted)" >&2
    for c in "${contenders[@]}"; do run_one "$c" 0; done
    awk -F'\t' '$2 != "0"' "$runs_tsv" >"$runs_tsv.tmp" && mv "$runs_tsv.tmp" "$runs_tsv"
fi
n=${#contenders[@]}
for ((round = 1; round <= repeat; round++)); do
    echo "== round $round/$repeat (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    for ((i = 0; i < n; i++)); do run_one "${contenders[$(((i + round - 1) % n))]}" "$round"; done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- honesty checks on the last packages -------------------------------------------------------
checks=$out/checks.txt
: >"$checks"
site=${prefix#/}/$site
check_deb() { # NAME
    local deb=$out/last-$1.deb listing path pattern
    [[ -f $deb ]] || return 0
    # dpkg-deb -c: mode owner size date time NAME [-> TARGET]
    listing=$(dpkg-deb -c "$deb" | sed -E 's/^([^ ]+ +){5}//; s/ -> .*//')
    for path in "${expected[@]}"; do
        # The expected paths are globs ('*' within one name) under the venv.
        pattern=$(sed 's/[.]/\\./g; s/[*]/[^\/]*/g' <<<"${prefix#/}/$path")
        grep -qx "\./$pattern" <<<"$listing" || { echo "FAIL $1: ./${prefix#/}/$path is not in $deb" | tee -a "$checks" >&2; exit 1; }
    done
    {
        echo "$1: $(basename "$(readlink -f "$deb")") has the ${#expected[@]} files looked for (${expected[*]##*/})"
        echo "  files (not directories): $(dpkg-deb -c "$deb" | grep -vc '^d'), .pyc files: $(grep -c '\.pyc$' <<<"$listing")"
        echo "  dists: $(grep -o "$site/[^/]*\.dist-info/\$" <<<"$listing" | sed "s|$site/||; s|/\$||" | sort | tr '\n' ' ')"
        echo "  pip/setuptools inside (the venv's own installer): $(dpkg-deb -c "$deb" |
            awk -v s="$site/" 'index($6, s) && $6 ~ /site-packages\/(pip|setuptools|pkg_resources|_distutils_hack)[-\/]/ \
                {n += $3} END {printf "%d KiB", n / 1024}')"
        echo "  Depends: $(dpkg-deb -f "$deb" Depends)"
        echo "  compression: $(ar t "$deb" | grep data.tar)"
    } >>"$checks"
}
for c in dhv pydeb-dh pydeb-dh-zstd pydeb-zstd pydeb-xz pydeb-bundled; do wants "$c" && check_deb "$c"; done
# Same content? The file lists, without the pip/setuptools that dh-virtualenv's venv needs for itself.
content() {
    dpkg-deb -c "$1" | grep -v '^d' | sed -E 's/^([^ ]+ +){5}//; s/ -> .*//' |
        grep -Ev 'site-packages/(pip|setuptools|pkg_resources|_distutils_hack)[-/]' | sort
}
if [[ -f $out/last-dhv.deb && -f $out/last-pydeb-zstd.deb ]]; then
    content "$out/last-dhv.deb" >"$work/content-dhv"
    content "$out/last-pydeb-zstd.deb" >"$work/content-pydeb"
    {
        echo "file lists, without the venv's own pip/setuptools: $(comm -12 "$work/content-dhv" "$work/content-pydeb" | wc -l) in both;"
        echo "  only in dh-virtualenv's: $(comm -23 "$work/content-dhv" "$work/content-pydeb" | sed 's|.*/site-packages/||; s|^\./||' | tr '\n' ' ')"
        echo "  only in pydeb's: $(comm -13 "$work/content-dhv" "$work/content-pydeb" | sed 's|.*/site-packages/||; s|^\./||' | tr '\n' ' ')"
    } >>"$checks"
fi
if wants dhv && [[ -f $out/last-dhv.deb ]]; then
    echo "dhv: dpkg-buildpackage also wrote: $(find "$work/dhv-$repeat" -maxdepth 1 -name '*.deb' -printf '%f ')" >>"$checks"
fi
# Where pydeb's time went (--timings) in the last round's runs.
for c in pydeb-zstd pydeb-warm pydeb-xz pydeb-bundled; do
    log=$out/logs/$c-$repeat.log
    if ! wants "$c" || [[ ! -f $log ]]; then continue; fi
    echo "$c stages (--timings): $(sed -n 's/^pydeb: timings: *\([^ ].*[^ ]\) \+\([0-9.]\+\) s$/\1 \2s;/p' "$log" | tr '\n' ' ')" >>"$checks"
done
if wants pydeb-warm; then
    lock=$([[ -f $work/pydeb-zstd-$repeat/pydeb.lock ]] && echo 'ran with pydeb.lock and the cold run'"'"'s caches' ||
        echo 'no pydeb.lock could be written, so the warm run re-resolved; only its caches were warm')
    echo "pydeb-warm: $lock" >>"$checks"
    if cmp -s "$work/pydeb-zstd-$repeat/out/"*.deb "$work/pydeb-zstd-$repeat/out-warm/"*.deb; then
        echo "pydeb: the warm rebuild is byte-identical to the cold build" >>"$checks"
    else
        echo "pydeb: the warm rebuild differs from the cold build (timestamps: no SOURCE_DATE_EPOCH set)" >>"$checks"
    fi
fi

# Optional: install each .deb into a fresh debootstrap root and import the app there.
if ((install_check)); then
    for c in dhv pydeb-dh pydeb-zstd pydeb-bundled; do
        wants "$c" || continue
        chroot_dir=$work/root-$c
        bash "$root/tests/integration/lib/clean-root.sh" "$chroot_dir"
        cp "$out/last-$c.deb" "$chroot_dir/tmp/app.deb"
        if chroot "$chroot_dir" sh -c "apt-get install -y -q /tmp/app.deb >/tmp/apt.log 2>&1 &&
                cd $prefix && $smoke" >"$out/logs/install-$c.log" 2>&1; then
            echo "$c: installs with apt in a clean bookworm root and passes: $smoke" >>"$checks"
        else
            echo "FAIL $c: install check in a clean root failed (see $out/logs/install-$c.log)" | tee -a "$checks" >&2
            if [ -f "$chroot_dir/tmp/apt.log" ]; then cat "$chroot_dir/tmp/apt.log" >>"$out/logs/install-$c.log"; fi
        fi
        bash "$root/tests/integration/lib/clean-root.sh" --remove "$chroot_dir"
    done
fi

# Optional: where dh-virtualenv's time goes, from timestamps on dh's "   dh_step" lines.
if ((profile_dhv)) && wants dhv; then
    dir=$work/dhv-profile
    cp -r "$work/dhv-template" "$dir"
    (cd "$dir/$app-$version" && dpkg-buildpackage -us -uc -b 2>&1) | while IFS= read -r line; do
        printf '%s %s\n' "$EPOCHREALTIME" "$line"
    done >"$out/logs/dhv-profile.log"
    awk '$2 ~ /^(dh_|debian\/rules|dpkg-)/ && NF <= 4 {
            if (step != "") t[step] += $1 - start
            step = $2 == "debian/rules" ? $3 : $2; start = $1; if (!(step in t)) order[++n] = step
         }
         { last = $1 }
         END { t[step] += last - start
               for (i = 1; i <= n; i++) total += t[order[i]]
               printf "dh-virtualenv steps (one extra build, %.1f s):", total
               for (i = 1; i <= n; i++) if (t[order[i]] >= 0.5) printf " %s %.1fs;", order[i], t[order[i]]
               print "" }' "$out/logs/dhv-profile.log" >>"$checks"
fi

# --- machine and versions, then the report -------------------------------------------------------
ver() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo '?'; }
pydeb_version=$( ([[ -x $pydeb ]] && "$pydeb" --version 2>/dev/null | head -1 | sed 's/^pydeb //') || echo 'not run')
cat >"$out/machine.env" <<EOF
nproc=$(nproc)
cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
ram_gib=$(awk '/^MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
debian=$(cat /etc/debian_version)
kernel=$(uname -r)
load_before=$load_before
load_after=$load_after
python=$("$python" --version 2>&1 | cut -d' ' -f2)
pip=$(ver python3-pip-whl)
dh_virtualenv=$(ver dh-virtualenv)
debhelper=$(ver debhelper)
dpkg=$(ver dpkg)
pydeb=$pydeb_version
repeat=$repeat
warmup=$warmup
EOF
"$python" "$here/report.py" "$runs_tsv" "$out/machine.env" "$checks" "$out/results.json" "$out/bench.png" |
    tee "$out/summary.md"
