// The Debian archive the build host's apt uses, the default archive of a Debian target.
#pragma once

#include <filesystem>
#include <string>

namespace pydeb::targets
{

inline constexpr std::string_view k_default_archive = "http://deb.debian.org/debian";

// The first `deb` source under ROOT/etc/apt (sources.list(5): sources.list and
// sources.list.d/*.list in one-line style, sources.list.d/*.sources in deb822 style, read in
// file-name order as apt does) whose URI is a Debian archive root (its path ends in /debian);
// k_default_archive when there is none. No trailing slash.
[[nodiscard]] std::string host_debian_archive(const std::filesystem::path& root = "/");

} // namespace pydeb::targets
