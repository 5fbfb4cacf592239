// The Debian mapping: dpkg-shlibdeps' algorithm (dpkg's scripts/dpkg-shlibdeps.pl, dpkg-shlibdeps(1)) over the
// scanned objects, without a debian/ source tree. Bundled sonames never become dependencies.
#pragma once

#include "depmap/dpkg_database.hpp"
#include "depmap/host_libraries.hpp"
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

// For every object and each of its DT_NEEDED sonames: bundled (elf::find_in_bundle), else
// located on the host, its owner found in the dpkg database, and the owner's symbols file (the
// template raised to the highest minver among the symbols the object uses) or shlibs file used.
// A soname with no library or no owner is a warning, not a dependency.
[[nodiscard]] Expected<DebianMapping> map_debian(std::span<const elf::ElfObject> objects,
                                                 const std::filesystem::path& stage_root,
                                                 const std::filesystem::path& prefix,
                                                 const DpkgDatabase& database,
                                                 const HostLibraries& libraries);

} // namespace pydeb::depmap
