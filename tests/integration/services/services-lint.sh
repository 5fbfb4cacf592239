#!/bin/bash
# lintian on the service's .deb: no maintainer-script, systemd, init or user tags (the snippets
# are debhelper's calls, the unit is in /lib/systemd/system, not a conffile). rpmlint with
# pydeb's rc (rpm/pydeb.rpmlintrc) on the .rpm: 0 errors.
. "$PYDEB_SOURCE_ROOT/tests/integration/services/lib.sh"
need lintian lintian
need rpmlint rpmlint
work=$(scratch)
make_app "$work/app" 1.0 "$(free_port)" "  - {unit: extra.timer}
  - {unit: extra.service, restart-on-upgrade: false}"
printf '[Unit]\nDescription=extra job\nDocumentation=https://example.com/svcapp\n\n[Service]\nType=oneshot\nExecStart=/opt/venvs/svcapp/bin/svcapp\n\n[Install]\nWantedBy=multi-user.target\n' >"$work/app/extra.service"
printf '[Unit]\nDescription=extra timer\n\n[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n' >"$work/app/extra.timer"
build_app "$work/app" deb
build_app "$work/app" rpm

lintian --fail-on none -EvIL +pedantic "$work"/app/out/*.deb >"$work/lintian" 2>&1 || fail "lintian did not run: $(cat "$work/lintian")"
tags=$(awk '/^[EWIPX]: / && tolower($0) ~ /maintainer-script|systemd|init\.d|init-script|service|sysusers|tmpfiles|adduser|useradd|postinst|prerm|postrm|preinst|conffile/' "$work/lintian")
[ -z "$tags" ] || { cat "$work/lintian"; fail "lintian tags about scripts or units:
$tags"; }
pass "lintian: no maintainer-script, systemd or conffile tags ($(grep -cE '^[EWIPX]: ' "$work/lintian") other tags)"

rpmlint -r "$PYDEB_SOURCE_ROOT/rpm/pydeb.rpmlintrc" "$work"/app/out/*.rpm >"$work/rpmlint" 2>&1 || echo "rpmlint exited $?" >>"$work/rpmlint"
summary=$(grep -E '[0-9]+ packages and [0-9]+ specfiles checked; [0-9]+ errors' "$work/rpmlint") || { cat "$work/rpmlint"; fail "rpmlint printed no summary"; }
[[ $summary == *"; 0 errors,"* ]] || { cat "$work/rpmlint"; fail "rpmlint: $summary"; }
pass "rpmlint -r rpm/pydeb.rpmlintrc: $summary"

# An exec that names nothing the package installs fails at its FILE:LINE:COL, and writes nothing.
sed -i 's|    exec: svcapp$|    exec: svcap --serve|' "$work/app/pydeb.yaml"
line=$(grep -n 'exec: svcap --serve' "$work/app/pydeb.yaml" | cut -d: -f1)
rm -rf "$work/app/out"
if "$PYDEB" build "$work/app/pydeb.yaml" -o "$work/app/out" >"$work/err" 2>&1; then
    fail "an exec naming no entry point was accepted"
fi
has "$work/app/pydeb.yaml:$line:11: exec: 'svcap' names no entry point in /opt/venvs/svcapp/bin" "$work/err" ||
    { cat "$work/err"; fail "the exec error does not name its location"; }
[ -z "$(ls -A "$work/app/out" 2>/dev/null)" ] || fail "a failed build left $(ls "$work/app/out")"
pass "exec naming nothing: $(head -1 "$work/err")"
