#!/bin/bash
# The command line as a user meets it: --version, --help, validate's located errors, exit codes.
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"
dir=$(scratch)
cd "$dir"

"$PYDEB" --version | has -x 'pydeb [0-9.]*' || fail "--version"
"$PYDEB" --help | has 'validate' || fail "--help lists the commands"
"$PYDEB" build --help | has -- '--format' || fail "build --help"
if "$PYDEB" frobnicate 2>/dev/null; then fail "an unknown command must fail"; fi
pass "version and help"

mkdir wheels
cat > good.yaml <<'YAML'
name: myapp
version: "1.0"
summary: A small service
description: Longer text.
maintainer: Jane Doe <jane@example.com>
license: MIT
install:
  requirements: ["flask>=2"]
  wheelhouse: wheels
YAML
"$PYDEB" validate good.yaml > out.txt || fail "a valid spec must pass: $(cat out.txt)"
grep -q 'good.yaml: ok (myapp 1.0-1' out.txt || fail "validate's summary line: $(cat out.txt)"
pass "valid spec"

sed 's/^maintainer:/maintaner:/' good.yaml > typo.yaml
status=0
"$PYDEB" validate typo.yaml 2> err.txt || status=$?
[ "$status" = 1 ] || fail "a misspelled key must exit 1, got $status"
grep -q "typo.yaml:5:1: unknown key 'maintaner' in the spec; did you mean 'maintainer'?" err.txt \
    || fail "misspelled key message: $(cat err.txt)"
pass "misspelled key located, with a suggestion"

sed -e 's/^name: myapp/name: My_App/' -e 's/^version: "1.0"/version: "1.0-2"/' good.yaml > bad.yaml
if "$PYDEB" validate bad.yaml 2> err.txt; then fail "invalid name and version must fail"; fi
grep -q "bad.yaml:1:7: 'M' is not allowed in a package name" err.txt || fail "name: $(cat err.txt)"
grep -q "bad.yaml:2:10: '-' is not allowed in a version" err.txt || fail "version: $(cat err.txt)"
pass "invalid name and version refused, both reported"

if "$PYDEB" validate missing.yaml 2> err.txt; then fail "a missing spec must fail"; fi
grep -q 'missing.yaml: spec file not found' err.txt || fail "missing spec: $(cat err.txt)"
pass "missing spec"

# Exit statuses (pydeb(1), EXIT STATUS): 2 for a usage error, 0 for --help, 1 above.
usage_status() { local status=0; "$PYDEB" "$@" >/dev/null 2>&1 || status=$?; echo "$status"; }
for args in "build --bogus" "" "frobnicate" "build --format zip good.yaml" "validate a.yaml b.yaml"; do
    # shellcheck disable=SC2086 # the words are the arguments
    [ "$(usage_status $args)" = 2 ] || fail "'pydeb $args' must exit 2, got $(usage_status $args)"
done
[ "$(usage_status build --help)" = 0 ] || fail "build --help must exit 0"
pass "usage errors exit 2, --help 0"

# -q/--quiet and -v/--verbose on every command; --no-cache says what it covers, not how.
for command in build install resolve lock validate deps; do
    help=$("$PYDEB" "$command" --help)
    has -- '-q,--quiet' <<<"$help" || fail "$command --help lacks -q,--quiet"
    has -- '-v,--verbose' <<<"$help" || fail "$command --help lacks -v,--verbose"
    has 'default: pydeb.yaml in the current directory' <<<"$help" || fail "$command: SPEC's default"
done
no_cache=$("$PYDEB" --help | grep -A2 -- '--no-cache')
has 'XDG_CACHE_HOME/pydeb' <<<"$no_cache" || fail "--no-cache help: $no_cache"
! has -E 'solv|dpkg|interpreter' <<<"$no_cache" || fail "--no-cache help lists internals: $no_cache"
pass "-q/-v on every command, --no-cache help"

# SPEC omitted: ./pydeb.yaml, as nfpm reads ./nfpm.yaml; none there is a located error.
mkdir -p app/wheels empty
cp good.yaml app/pydeb.yaml
(cd app && "$PYDEB" validate) | has -x 'pydeb.yaml: ok (myapp 1.0-1, license MIT, 1 requirements, venv at /opt/venvs/myapp)' ||
    fail "validate without SPEC"
status=0
(cd empty && "$PYDEB" build) 2>err.txt || status=$?
[ "$status" = 1 ] || fail "build without SPEC nor ./pydeb.yaml must exit 1, got $status"
grep -qF "pydeb: error: no SPEC given and no pydeb.yaml in $dir/empty" err.txt || fail "$(cat err.txt)"
pass "SPEC defaults to ./pydeb.yaml"

# A real build in the spec's directory, shown three ways: on a terminal (script(1)) the status
# lines are redrawn with escape sequences; with stdout and stderr in a file, plain lines only;
# with -q, only the package's path.
need script bsdutils
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$PYDEB_CACHE/wheels" >/dev/null
cp "$PYDEB_CACHE"/wheels/click-8.1.3-*.whl wheels/
sed -i -e 's/flask>=2/click/' -e "s|wheelhouse: wheels|wheelhouse: $dir/wheels|" app/pydeb.yaml
printf '%s\n' 'python: {interpreter: /usr/bin/python3}' 'formats: [deb]' >>app/pydeb.yaml
export XDG_CACHE_HOME=$dir/cache
(cd app && script -qec "$PYDEB build -o ../tty" /dev/null) >tty.log
[ -f tty/myapp_1.0-1_amd64.deb ] || fail "pydeb build in the spec's directory wrote $(ls tty)"
grep -q $'\r\e\\[Kpydeb: install *1/1 wheel' tty.log || fail "no live install line: $(cat -v tty.log)"
grep -q $'\r\e\\[Kpydeb: write .deb .* KiB' tty.log || fail "no live write line: $(cat -v tty.log)"
grep -q 'pydeb: built myapp 1.0-1: myapp_1.0-1_amd64.deb ([0-9]* KiB) in [0-9.]* s' tty.log ||
    fail "no summary: $(cat -v tty.log)"
pass "on a terminal: live status lines and a summary"

(cd app && "$PYDEB" build -o ../file) >file.log 2>&1
! grep -q $'\e' file.log || fail "escape sequences in a file: $(cat -v file.log)"
for stage in prepare resolve install collect 'map (deb)' 'write .deb'; do
    grep -q "^pydeb: $stage " file.log || fail "no plain '$stage' line: $(cat file.log)"
done
grep -qx '../file/myapp_1.0-1_amd64.deb' file.log || fail "no path: $(cat file.log)"
grep -q '^pydeb: built myapp 1.0-1' file.log || fail "no summary in a file: $(cat file.log)"
cmp tty/myapp_1.0-1_amd64.deb file/myapp_1.0-1_amd64.deb || fail "the display changed the package"
pass "in a file: plain lines, no escape sequences, the same package"

(cd app && "$PYDEB" build -q -o ../quiet) >quiet.out 2>quiet.err
[ ! -s quiet.err ] || fail "-q printed: $(cat quiet.err)"
[ "$(cat quiet.out)" = ../quiet/myapp_1.0-1_amd64.deb ] || fail "-q stdout: $(cat quiet.out)"
(cd app && "$PYDEB" -v build -o ../verbose) >verbose.log 2>&1
grep -q '^pydeb: click 8.1.3 (click-8.1.3-py3-none-any.whl)$' verbose.log || fail "-v: $(cat verbose.log)"
! grep -q '^pydeb: click 8.1.3' file.log || fail "details without -v: $(cat file.log)"
pass "-q shows only the path, -v adds the wheels"

# The bash completion script, as bash-completion runs it: commands, each command's options (read
# from its --help), option values and spec files; meson installs it where bash-completion looks.
need pkg-config pkg-config
[ -f /usr/share/bash-completion/bash_completion ] || fail "bash-completion missing (tests/install-deps.sh)"
installed=$(meson introspect "$PYDEB_BUILD_ROOT" --installed)
datadir=$(meson introspect "$PYDEB_BUILD_ROOT" --buildoptions |
    python3 -c 'import json, sys; o = {x["name"]: x["value"] for x in json.load(sys.stdin)}; print(o["prefix"] + "/" + o["datadir"])')
completionsdir=$(pkg-config --define-variable=datadir="$datadir" --variable=completionsdir bash-completion)
has "completions/pydeb\": \"$completionsdir/pydeb\"" <<<"$installed" ||
    fail "the completion script is not installed into bash-completion's completionsdir: $installed"
completions() { # WORDS...: what completing the last word offers, sorted, on one line
    PATH=$(dirname "$PYDEB"):$PATH bash -c '
        . /usr/share/bash-completion/bash_completion
        . "$PYDEB_SOURCE_ROOT/completions/pydeb"
        COMP_WORDS=(pydeb "$@"); COMP_CWORD=$#; COMP_LINE="pydeb $*"; COMP_POINT=${#COMP_LINE}
        _pydeb pydeb "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort | paste -sd " "' completions "$@"
}
[ "$(completions "")" = "build deps init install lock resolve validate" ] || fail "commands: $(completions "")"
[ "$(completions bu)" = build ] || fail "bu: $(completions bu)"
for option in --format --output --quiet --sign --timings --verbose; do
    has -w -- "$option" <<<"$(completions build --)" || fail "build --: $(completions build --)"
done
has -w -- --root <<<"$(completions install --)" || fail "install --: $(completions install --)"
! has -w -- --root <<<"$(completions build --)" || fail "build offers install's --root"
[ "$(completions build --format "")" = "deb rpm" ] || fail "--format: $(completions build --format "")"
# spec files and directories to descend into
[ "$(cd app && completions build "")" = "pydeb.yaml wheels" ] || fail "SPEC: $(cd app && completions build "")"
pass "bash completion: installed, completes commands, options, values and specs"
