// What dpkg-shlibdeps reads about the package that owns a library: its symbols and shlibs files
// (deb-symbols(5), deb-shlibs(5)), the symbols limited to those the mapped objects use.
#pragma once

#include "depmap/dpkg_control_files.hpp"
#include "depmap/dpkg_database.hpp"
#include "elf/elf_object.hpp"
#include "util/expected.hpp"

#include <span>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::depmap
{

struct PackageInfo
{
    std::optional<SymbolsFile> symbols;
    std::vector<ShlibsEntry> shlibs;
};

// The same from the files' texts (nullopt: the package has no such file); `origin` names them in
// errors ("libssl3t64_3.5.1-1_amd64.deb's control.tar").
[[nodiscard]] Expected<PackageInfo> parse_package_info(const std::optional<std::string>& symbols,
                                                       const std::optional<std::string>& shlibs,
                                                       std::string_view origin,
                                                       const SymbolNames* wanted);

// `wanted`: parse_symbols' filter (nullptr: every symbol).
[[nodiscard]] Expected<PackageInfo> load_package_info(const DpkgDatabase& database,
                                                      const std::string& package,
                                                      const SymbolNames* wanted);

// The names of every undefined symbol the objects use: the only symbols a lookup asks for.
// nullopt (keep all) when a version holds an '@', which would make "name@version" ambiguous.
[[nodiscard]] std::optional<SymbolNames>
used_symbol_names(std::span<const elf::ElfObject> objects);

} // namespace pydeb::depmap
