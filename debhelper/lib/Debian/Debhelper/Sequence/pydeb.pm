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

1;
