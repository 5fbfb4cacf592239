// The control files of a release's .deb without downloading the package: a .deb is an ar
// archive whose first member is debian-binary and whose second is control.tar[.gz|.xz|.zst]
// (deb(5)), so two HTTP range requests (RFC 9110 §14) fetch the ar headers, then that member.
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::targets
{

struct ControlMember
{
    std::string name;          // "control.tar.xz"
    std::uint64_t offset = 0;  // of its data in the .deb
    std::uint64_t size = 0;
};

// The bytes needed to find the control member: the ar magic and two member headers.
inline constexpr std::uint64_t k_deb_head_size = 8 + 60 + 4 + 60;

// From the first k_deb_head_size bytes (or more) of a .deb; `where` names it in errors.
[[nodiscard]] Expected<ControlMember> find_control_member(std::string_view head,
                                                          std::string_view where);

// Every member of a whole .deb (ar(5) headers after the magic, each member 2-aligned): the
// control and data members of a package downloaded whole; `where` names it in errors.
[[nodiscard]] Expected<std::vector<ControlMember>> deb_members(std::string_view deb,
                                                               std::string_view where);

struct ControlFiles
{
    std::optional<std::string> symbols;
    std::optional<std::string> shlibs;
};

} // namespace pydeb::targets
