// The Debian mapping: dpkg-shlibdeps' algorithm (dpkg's scripts/dpkg-shlibdeps.pl, dpkg-shlibdeps(1)) over the
// scanned objects, without a debian/ source tree. Bundled sonames never become dependencies.
#pragma once

#include "depmap/library_origin.hpp"
#include "depmap/types.hpp"
#include "elf/elf_object.hpp"
#include "util/expected.hpp"

#include <span>
#include <filesystem>
#include <vector>

namespace pydeb::depmap
{

struct DebianMapping
{
    std::vector<MappedSoname> sonames;
    std::vector<std::string> depends; // merged over every object, sorted
    std::vector<std::string> warnings;
};

// The object's own rpath/runpath directories outside `prefix` (inside it is the bundle).
[[nodiscard]] std::vector<std::filesystem::path>
outside_search_directories(const elf::ElfObject& object, const std::filesystem::path& prefix);

// For every object and each of its DT_NEEDED sonames: bundled (elf::find_in_bundle), else
// located through `origin` (the host, or a target release), its owner found, and the owner's
// symbols file (the template raised to the highest minver among the symbols the object uses) or
// shlibs file used. A soname with no library or no owner is a warning on the host, not a
// dependency, and an Error naming the soname and the release for a target release.
[[nodiscard]] Expected<DebianMapping> map_debian(std::span<const elf::ElfObject> objects,
                                                 const std::filesystem::path& stage_root,
                                                 const std::filesystem::path& prefix,
                                                 const LibraryOrigin& origin);

} // namespace pydeb::depmap
