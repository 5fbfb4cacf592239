#include "spec/debian_releases.hpp"

#include <array>

namespace pydeb::spec
{

namespace
{

// https://www.debian.org/releases/ and each release's dpkg in its archive.
constexpr std::array k_releases{
    DebianRelease{"buster", 10, "1.19", ZstdMembers::unreadable},
    DebianRelease{"bullseye", 11, "1.20", ZstdMembers::unreadable},
    DebianRelease{"bookworm", 12, "1.21", ZstdMembers::readable},
    DebianRelease{"trixie", 13, "1.22", ZstdMembers::readable},
    DebianRelease{"forky", 14, "1.23", ZstdMembers::readable},
};

} // namespace

std::optional<DebianRelease> find_debian_release(std::string_view name)
{
    for (const DebianRelease& release : k_releases)
    {
        if (release.name == name)
        {
            return release;
        }
    }
    return std::nullopt;
}

std::string known_debian_releases()
{
    std::string names;
    for (const DebianRelease& release : k_releases)
    {
        names += (names.empty() ? "" : ", ") + std::string(release.name);
    }
    return names;
}

} // namespace pydeb::spec
