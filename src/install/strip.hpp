// Strip debug information from the ELF objects of the venv (extension modules, vendored .libs).
// Only --strip-debug: symbol tables stay, so auditwheel-vendored libraries and their versioned
// symbols keep resolving. The RECORD files are updated with the new hashes and sizes.
#pragma once

#include "install/layout.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace pydeb::install
{

// Regular files under the staged prefix that start with the ELF magic "\x7fELF" (symlinks are
// not followed).
[[nodiscard]] Expected<std::vector<std::filesystem::path>> find_elf_files(const Layout& layout);

// strip --strip-debug --preserve-dates the given files, in batches (no RECORD update).
// `strip` is the program to run ("strip" from binutils by default).
[[nodiscard]] Expected<void> strip_files(const std::vector<std::filesystem::path>& files,
                                         const std::filesystem::path& strip = "strip");

// Recompute RECORD rows (sha256, size) of the listed files, for every .dist-info in site-packages.
[[nodiscard]] Expected<void> refresh_records(const Layout& layout,
                                             const std::vector<std::filesystem::path>& changed);

} // namespace pydeb::install
