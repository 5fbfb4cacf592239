// debian/PACKAGE.substvars (deb-substvars(5)): "name=value" and "name?=value" lines, merged the
// way debhelper's addsubstvar() does, so pydeb and dh helpers can share one file.
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::packaging_tools
{

// Adds each relation to the comma list of `name` exactly as Dh_Lib::addsubstvar: every existing
// "name=" / "name?=" line becomes the byte-sorted, de-duplicated ", "-joined union (left untouched
// when the relation is already there); with no such line, "name=relation" is appended. Other
// lines (comments, other variables) are kept as they are. A value with a newline is an error.
[[nodiscard]] Expected<std::string> add_substvar(std::string_view substvars, std::string_view name,
                                                 const std::vector<std::string>& relations);

// Sets a single-valued variable as "name?=value" (dpkg >= 1.21.8: no warning when unused),
// replacing any earlier "name=" / "name?=" line.
[[nodiscard]] Expected<std::string>
set_optional_substvar(std::string_view substvars, std::string_view name, std::string_view value);

// The variables pydeb exports for dh_pydeb and debian/control:
//   pydeb:Depends      the mapped Debian Depends (merged with add_substvar)
//   pydeb:Prefix       the venv's path on the target      (?=)
//   pydeb:Interpreter  the target interpreter              (?=)
//   pydeb:Bytecode     build | install | none              (?=)
//   pydeb:PurgePaths   directories: with purge: true, space-separated (no spaces in them) (?=)
struct PydebSubstvars
{
    std::vector<std::string> depends;
    std::string prefix;
    std::string interpreter;
    std::string bytecode;
    std::vector<std::string> purge_paths;
};

// Read-modify-write of `file` (missing = empty), written atomically.
[[nodiscard]] Expected<void> update_substvars_file(const std::filesystem::path& file,
                                                   const PydebSubstvars& values);

} // namespace pydeb::packaging_tools
