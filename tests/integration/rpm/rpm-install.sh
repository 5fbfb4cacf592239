#!/bin/bash
# Install, upgrade and erase in a clean Debian root with rpm itself: the scriptlets run the
# right lifecycle hooks for each operation, an edited %config(noreplace) file survives the
# upgrade, and rpm -e removes every file the package installed.
. "$PYDEB_SOURCE_ROOT/tests/integration/rpm/lib.sh"
work=$(scratch)
root=$work/root
trap '"$PYDEB_SOURCE_ROOT/tests/integration/lib/clean-root.sh" --remove "$root"; rm -rf "$PYDEB_TEST_TMP"' EXIT # replaces common.sh's trap; $work is inside
"$PYDEB_SOURCE_ROOT/tests/integration/lib/clean-root.sh" "$root"

hooks=()
for event in pre_install post_install pre_upgrade post_upgrade pre_remove post_remove post_purge; do
    hooks+=("hook.$event=echo $event >>/var/tmp/events")
done
make_stage "$work/stage1" 1
build "$work/stage1" "$work/demo-1.0-1.x86_64.rpm" 1 config=/etc/demo/demo.conf \
    purge=/var/lib/demo "${hooks[@]}"
make_stage "$work/stage2" 2
build "$work/stage2" "$work/demo-2.0-1.x86_64.rpm" 2 purge=/var/lib/demo "${hooks[@]}"

rpm_root() { rpm --root "$root" --dbpath /var/lib/rpm "$@"; }
events() { cat "$root/var/tmp/events" 2>/dev/null | tr '\n' ' '; rm -f "$root/var/tmp/events"; }

rpm_root -i --nodeps "$work/demo-1.0-1.x86_64.rpm" 2>"$work/err" || fail "install: $(cat "$work/err")"
! grep -q 'scriptlet failed' "$work/err" || fail "a scriptlet failed: $(cat "$work/err")"
[ "$(events)" = "pre_install post_install " ] || fail "install ran the wrong hooks"
[ "$(rpm_root -q demo)" = demo-1.0-1.x86_64 ] || fail "not in the rpm database"
rpm_root -V --nodeps demo || fail "rpm -V finds differences right after install"
[ "$(cat "$root/opt/venvs/demo/bin/demo" | tail -1)" = "echo demo 1" ] || fail "file content"
pass "rpm -i: files in place, %pre/%post ran the install hooks, rpm -V clean"

# Run-time state: an edited config, bytecode the application wrote, a purge path.
echo "setting = edited" >"$root/etc/demo/demo.conf"
mkdir -p "$root/opt/venvs/demo/lib/python3.11/site-packages/old/__pycache__" "$root/var/lib/demo"
touch "$root/opt/venvs/demo/lib/python3.11/site-packages/old/__pycache__/__init__.cpython-311.pyc"
touch "$root/var/lib/demo/state"

rpm_root -U --nodeps "$work/demo-2.0-1.x86_64.rpm" 2>"$work/err" || fail "upgrade: $(cat "$work/err")"
! grep -q 'scriptlet failed' "$work/err" || fail "a scriptlet failed: $(cat "$work/err")"
[ "$(events)" = "pre_upgrade post_upgrade " ] || fail "upgrade ran the wrong hooks"
[ "$(rpm_root -q demo)" = demo-2.0-1.x86_64 ] || fail "not upgraded"
[ "$(cat "$root/etc/demo/demo.conf")" = "setting = edited" ] || fail "the edited config was replaced"
[ "$(cat "$root/etc/demo/demo.conf.rpmnew")" = "setting = default-2" ] || fail "no .rpmnew"
[ "$(tail -1 "$root/opt/venvs/demo/bin/demo")" = "echo demo 2" ] || fail "new files missing"
[ ! -e "$root/opt/venvs/demo/lib/python3.11/site-packages/old" ] ||
    fail "the module the upgrade dropped is still there: $(find "$root/opt/venvs/demo/lib/python3.11/site-packages/old")"
[ -e "$root/var/lib/demo/state" ] || fail "the upgrade removed run-time state"
pass "rpm -U: upgrade hooks only, edited %config(noreplace) kept (.rpmnew beside it), dropped module gone"

mkdir -p "$root/opt/venvs/demo/lib/python3.11/site-packages/demo/__pycache__"
touch "$root/opt/venvs/demo/lib/python3.11/site-packages/demo/__pycache__/__init__.cpython-311.pyc"
rpm_root -qpl "$work/demo-2.0-1.x86_64.rpm" >"$work/files"
rpm_root -e demo 2>"$work/err" || fail "erase: $(cat "$work/err")"
! grep -q 'scriptlet failed' "$work/err" || fail "a scriptlet failed: $(cat "$work/err")"
[ "$(events)" = "pre_remove post_remove post_purge " ] || fail "erase ran the wrong hooks"
while read -r path; do
    case $path in
    /etc/demo | /etc/demo/demo.conf) ;; # rpm keeps the edited config as .rpmsave
    *) [ ! -e "$root$path" ] && [ ! -L "$root$path" ] || fail "rpm -e left $path" ;;
    esac
done <"$work/files"
[ ! -e "$root/opt/venvs/demo" ] || fail "rpm -e left $(find "$root/opt/venvs/demo")"
[ ! -e "$root/var/lib/demo" ] || fail "the purge path survived the erase"
[ -e "$root/etc/demo/demo.conf.rpmsave" ] || fail "rpm did not save the edited config"
! rpm_root -q demo >/dev/null 2>&1 || fail "still in the rpm database"
pass "rpm -e: erase hooks, every installed file and the run-time bytecode gone"
