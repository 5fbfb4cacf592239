#!/usr/bin/perl
# debhelper sequence addon for pydeb: "dh $@ --with pydeb", or Build-Depends: dh-sequence-pydeb
# (the pydeb package Provides it). See dh_pydeb(1).
use strict;
use warnings;

# The venv must be complete before the helpers that read or rewrite the package tree:
# dh_installinit/dh_installsystemd (their postinst snippets then start services after pydeb's
# bytecode snippet, and their prerm stop snippets run before pydeb's cleanup), dh_fixperms,
# dh_strip, dh_shlibdeps, dh_installdeb (conffiles under /etc), dh_md5sums. dh-virtualenv made
# the same choice (spotify/dh-virtualenv PR #120).
insert_before('dh_installinit', 'dh_pydeb');

# users: in the spec become usr/lib/sysusers.d/PACKAGE.conf in the package tree, made by
# dh_pydeb. Compat 14 runs dh_installsysusers after dh_installinit, so after dh_pydeb; compat 13
# does not run it (its installsysusers addon would put it after dh_install, before dh_pydeb), so
# the addon runs it right after dh_pydeb. It does nothing for packages without that directory.
insert_after('dh_pydeb', 'dh_installsysusers') if compat(13);

# pydeb builds the application's wheel and the venv itself; a setup.py or pyproject.toml in the
# source would otherwise make dh_auto_* run a second, distutils-style build into debian/tmp that
# dh_missing (compat 13: --fail-missing) then rejects. dh-virtualenv removes the same commands.
remove_command($_) for qw(dh_auto_configure dh_auto_build dh_auto_test dh_auto_install dh_auto_clean);

# The venv's ELF objects are pydeb's business: it strips them itself (spec "strip", and
# DEB_BUILD_OPTIONS=nostrip), and maps their NEEDED sonames to ${pydeb:Depends} knowing which
# libraries the wheels vendor ($ORIGIN RUNPATHs, auditwheel's *.libs/). dh_strip and dh_shlibdeps
# break on manylinux wheels' vendored libraries (dh-virtualenv #150, #361; its documented
# workaround is this exclusion).
add_command_options($_, '-X/site-packages/') for qw(dh_dwz dh_strip dh_makeshlibs dh_shlibdeps);

# dh_pydeb ships the SPDX SBOM as /usr/share/doc/PACKAGE/PACKAGE.spdx.json (pydeb(1), SBOM);
# dh_compress would gzip it (Policy 12.3 allows compressing docs over 4 kB), and scanners that look
# for *.spdx.json in the installed tree would no longer find it.
add_command_options('dh_compress', '-X.spdx.json');

# dh_strip_nondeterminism must not touch the venv: pydeb's venv is already reproducible (every
# mtime clamped to SOURCE_DATE_EPOCH, hash-based bytecode, sorted archives), the files are the
# wheels' bytes as their RECORD lists them (PEP 376/PEP 627: a normalized .gz, .zip or .jar no
# longer matches its RECORD hash), and running file(1) over thousands of venv files was 48 of
# dh-virtualenv's 80 s on the benchmark app. Its -X matches anywhere in the path, so each
# package's venv prefix is excluded; the prefix is the spec's install.prefix, else
# /opt/venvs/NAME (pydeb.yaml(5)), read here because dh plans the options before dh_pydeb runs.
sub pydeb_venv_prefix {
	my ($package, $spec) = @_;
	my ($name, $prefix);
	if (open(my $fd, '<', $spec)) {
		while (my $line = <$fd>) {
			$name //= $1 if $line =~ /^name:\s*["']?([^"'\s#]+)/;
			$prefix //= $1 if $line =~ /(?:^|[\s{,])prefix:\s*["']?(\/[^"'\s#,}]+)/;
		}
		close($fd);
	}
	return $prefix // ('/opt/venvs/' . ($name // $package));
}
foreach my $package (getpackages()) {
	my $spec = pkgfile($package, 'pydeb.yaml') or next;
	add_command_options('dh_strip_nondeterminism', '-X' . pydeb_venv_prefix($package, $spec) . '/');
}

1;
