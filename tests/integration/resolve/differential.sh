#!/bin/bash
# The resolver against pip on the realistic corpus (Debian's python3-* repacked into wheels):
# for the same requests, resolve-driver must choose exactly the wheels that
# `pip install --dry-run --report` chooses, and must fail, naming the packages, where pip fails.
# Usage (meson): differential.sh RESOLVE_DRIVER
. "$PYDEB_SOURCE_ROOT/tests/integration/lib/common.sh"

DRIVER=${1:?usage: differential.sh RESOLVE_DRIVER}
PYTHON=/usr/bin/python3
WH="$PYDEB_CACHE/wheels"
"$PYDEB_SOURCE_ROOT/tests/corpus/make-wheel-corpus.sh" "$WH" >/dev/null
[ -f "$WH/Flask-2.2.2-py3-none-any.whl" ] || fail "no Flask 2.2.2 in the wheel corpus $WH (tests/corpus/make-wheel-corpus.sh)"
# Not $(scratch): its EXIT trap runs when the command substitution's subshell exits.
S=$(mktemp -d "${TMPDIR:-/tmp}/pydeb-it-XXXXXX")
trap 'rm -rf "$S" "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap

# pip's choice as sorted normalized-name==version lines; non-zero when pip cannot resolve.
pip_choice() {
    "$PYTHON" -m pip install --dry-run --report "$S/report.json" --no-index --find-links "$WH" \
        --ignore-installed --quiet "$@" >/dev/null 2>"$S/pip.err" || return 1
    "$PYTHON" -c 'import json, re, sys
r = json.load(open(sys.argv[1]))
print("\n".join(sorted(re.sub(r"[-_.]+", "-", i["metadata"]["name"]).lower() + "==" +
                       i["metadata"]["version"] for i in r["install"])))' "$S/report.json"
}

same_as_pip() {
    local ours theirs
    ours=$("$DRIVER" "$PYTHON" "$WH" "$@") || fail "resolve-driver failed for $*"
    theirs=$(pip_choice "$@") || fail "pip failed for $*: $(cat "$S/pip.err")"
    [ "$ours" = "$theirs" ] || fail "different sets for $*:
ours:
$ours
pip:
$theirs"
    pass "same set as pip for $* ($(echo "$ours" | wc -l) wheels)"
}

# Both must fail; our message must contain each given word.
both_fail() {
    local words=$1
    shift
    if pip_choice "$@" >/dev/null; then fail "pip resolved $*, expected a failure"; fi
    if "$DRIVER" "$PYTHON" "$WH" "$@" >"$S/out" 2>"$S/err"; then
        fail "resolve-driver resolved $*: $(cat "$S/out")"
    fi
    for word in $words; do
        grep -qF -- "$word" "$S/err" || fail "error for $* does not name $word: $(cat "$S/err")"
    done
    pass "unsatisfiable like pip: $* -> $(head -2 "$S/err" | tail -1 | sed 's/^ *//')"
}

same_as_pip 'flask>=2' requests psycopg2 PyYAML
same_as_pip 'requests[use_chardet_on_py3]'
same_as_pip click 'jinja2<3.2' 'werkzeug>=2.2'
same_as_pip 'colorama; platform_system == "Windows"' six
both_fail 'flask<2 Flask 2.2.2' 'flask<2'
both_fail 'requests[socks] pysocks' 'requests[socks]'
both_fail 'markupsafe<2 MarkupSafe' 'flask' 'markupsafe<2'

# The lock: written, then used instead of resolving; a changed wheel is named.
"$DRIVER" --lock "$S/pydeb.lock" "$PYTHON" "$WH" 'flask>=2' requests >"$S/resolved" \
    || fail "resolve with --lock"
grep -q '^pydeb-lock 1$' "$S/pydeb.lock" || fail "lock has no format line"
"$DRIVER" --locked "$S/pydeb.lock" "$PYTHON" "$WH" >"$S/locked" || fail "resolve_locked: $(cat "$S/locked")"
cmp -s "$S/resolved" "$S/locked" || fail "the locked set differs from the resolved one"
mkdir "$S/wh" && cp "$WH"/*.whl "$S/wh/"
printf 'x' >>"$S/wh/click-8.1.3-py3-none-any.whl"
if "$DRIVER" --locked "$S/pydeb.lock" "$PYTHON" "$S/wh" 2>"$S/err"; then fail "a changed wheel was accepted"; fi
grep -q 'click-8.1.3-py3-none-any.whl changed since it was locked' "$S/err" \
    || fail "changed wheel not named: $(cat "$S/err")"
pass "lock written, reused, and a changed wheel refused"

# Choices the corpus (one version per name) cannot show: backtracking off the newest version,
# pre-releases, Requires-Python and markers, on a generated METADATA-only wheelhouse.
SYN="$S/synthetic"
"$PYTHON" - "$SYN" <<'PY'
import os, sys, zipfile
out = sys.argv[1]
os.makedirs(out)
def wheel(name, version, *headers, tag="py3-none-any"):
    meta = "Metadata-Version: 2.1\nName: %s\nVersion: %s\n%s\n" % (
        name, version, "".join(h + "\n" for h in headers))
    with zipfile.ZipFile(os.path.join(out, "%s-%s-%s.whl" % (name, version, tag)), "w") as z:
        z.writestr("%s-%s.dist-info/METADATA" % (name, version), meta)
        z.writestr("%s-%s.dist-info/WHEEL" % (name, version), "Wheel-Version: 1.0\n")
wheel("alpha", "2.0", "Requires-Dist: beta<2")
wheel("alpha", "1.0", "Requires-Dist: beta")
wheel("beta", "1.0")
wheel("beta", "2.0")
wheel("gamma", "1.0")
wheel("gamma", "2.0rc1")
wheel("delta", "3.0", "Requires-Python: >=3.99")
wheel("delta", "2.5", "Requires-Dist: gamma>=2.0rc1; python_version >= '3'",
      "Requires-Dist: beta; extra == 'more'", "Provides-Extra: more")
PY
WH=$SYN
same_as_pip alpha 'beta>=2'
same_as_pip alpha gamma
same_as_pip 'delta[more]'
same_as_pip gamma 'beta<2'
both_fail 'gamma>1.0 2.0rc1' 'gamma>1.0'
