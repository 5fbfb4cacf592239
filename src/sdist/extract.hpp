// An sdist's archive extracted into a private directory, refusing every member that could land
// outside it: absolute names, ".." components and the other names a wheel may not have
// (install::check_member_name), symlinks whose target leaves the tree, hard links to anything but
// an earlier file of the archive, devices and fifos. Files are written through
// install::StageTree, which never follows a symlink already in the tree. The archive is read
// with libarchive (adapters/archive): .tar.gz (the source distribution format specification,
// PEP 625) or a legacy .zip.
#pragma once

#include "python/sdist_filename.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace pydeb::sdist
{

enum class MemberType
{
    file,
    directory,
    symlink,
    hardlink,
    other, // devices, fifos, sockets
};

// The path a member is extracted to, relative and '/'-separated, without a leading "./" or a
// trailing "/" (empty for the archive's top itself), or why the member is refused. For a link,
// `link_target` is checked too: a symlink must stay inside the tree (install::link_stays_inside),
// a hard link must name a member path. The caller adds the sdist's name.
[[nodiscard]] Expected<std::string> member_path(std::string_view name, MemberType type,
                                                std::string_view link_target = {});

// Extract `archive` into `into` (which exists and is empty) and return the project directory:
// the archive's one top-level directory (`{name}-{version}/`, the sdist format). `where` names
// the sdist in messages.
[[nodiscard]] Expected<std::filesystem::path> extract_sdist(const std::filesystem::path& archive,
                                                            python::SdistFormat format,
                                                            const std::filesystem::path& into,
                                                            std::string_view where);

} // namespace pydeb::sdist
