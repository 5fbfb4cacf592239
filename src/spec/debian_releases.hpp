// The Debian releases a `targets:` entry may name, with what pydeb needs to know of each before it
// reads the release's archive: its number (the version suffix, see pydeb(1) TARGETS) and whether
// its dpkg reads zstd-compressed .deb members (dpkg 1.21.18 added that; bullseye has 1.20).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pydeb::spec
{

enum class ZstdMembers
{
    readable,
    unreadable, // dpkg before 1.21.18: dpkg-deb: error: archive uses unknown compression for member
};

struct DebianRelease
{
    std::string_view name;
    int number = 0;
    std::string_view dpkg_version; // the release's dpkg, for messages
    ZstdMembers zstd = ZstdMembers::readable;
};

// nullopt for a name that is not a Debian release codename pydeb knows.
[[nodiscard]] std::optional<DebianRelease> find_debian_release(std::string_view name);
// "buster, bullseye, bookworm, trixie, forky", for messages.
[[nodiscard]] std::string known_debian_releases();

} // namespace pydeb::spec
