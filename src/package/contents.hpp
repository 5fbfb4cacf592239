// The staging root → the package's list of entries, shared by the deb and rpm writers.
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::package
{

// Walk stage_root (never following symlinks) and describe every path below it as an Entry:
// absolute target path ("/opt/venvs/app/bin/python"), type, permission bits, size, link target and
// source path. The root itself is not an entry. The result is sorted byte-wise by path.
//
// Conffiles: every regular file under /etc (as debhelper's dh_installdeb marks them) and each path
// in config_paths (absolute target paths) get ConfigFile::yes. A config path that is missing or not
// a regular file is an error: dpkg and rpm can only preserve local edits of regular files.
//
// Directories that belong to the base system (is_shared_system_directory) get
// owned_directory = false, so rpm never claims /usr or /opt.
//
// Fails on sockets, FIFOs and device nodes, which a package built by an unprivileged user cannot
// carry portably.
[[nodiscard]] Expected<std::vector<Entry>>
collect_entries(const std::filesystem::path& stage_root,
                const std::vector<std::string>& config_paths);

// True for the FHS / base-files directories every system already has (/, /usr, /usr/bin, /etc,
// /opt, /usr/share/doc, /var/lib, ...). path is absolute, without a trailing slash.
[[nodiscard]] bool is_shared_system_directory(std::string_view path);

} // namespace pydeb::package
