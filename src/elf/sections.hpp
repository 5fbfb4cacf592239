// Readers for the dynamic-linking sections of one ELF object (libelf handles), used by
// reader.cpp. Internal to elf/: the only code besides reader.cpp that includes <gelf.h>.
#pragma once

#include "elf/elf_object.hpp"

#include <gelf.h>
#include <map>
#include <string>

namespace pydeb::elf::detail
{

// .dynamic: DT_NEEDED, DT_SONAME, DT_RPATH, DT_RUNPATH (gABI "Dynamic Section").
void read_dynamic(Elf* elf, Elf_Scn* scn, const GElf_Shdr& shdr, ElfObject& object);

// .gnu.version_r: fills object.version_needs and the version index -> name map that
// read_undefined_symbols resolves .gnu.version entries with.
void read_verneed(Elf* elf, Elf_Scn* scn, const GElf_Shdr& shdr, ElfObject& object,
                  std::map<GElf_Half, std::string>& version_by_index);

// .dynsym entries that are undefined and global or weak, with their .gnu.version names.
void read_undefined_symbols(Elf* elf, Elf_Scn* dynsym, Elf_Scn* versym,
                            const std::map<GElf_Half, std::string>& version_by_index,
                            ElfObject& object);

} // namespace pydeb::elf::detail
