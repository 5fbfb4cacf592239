// Read one ELF object with libelf (elfutils). Non-ELF files are recognised by their first four
// bytes and skipped cheaply, so scanning a whole virtualenv costs one small read per file.
#pragma once

#include "elf/elf_object.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>

namespace pydeb::elf
{

// nullopt for a file that is not a loadable ELF object (no magic, a relocatable .o, a core file);
// an Error for an ELF file libelf cannot parse (truncated, corrupt) — packaging it blind would
// produce a package with missing dependencies. install_path is left empty for the caller.
[[nodiscard]] Expected<std::optional<ElfObject>> read_elf_object(const std::filesystem::path& path);

} // namespace pydeb::elf
