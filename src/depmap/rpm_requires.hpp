// rpm's automatic ELF requires, in the form rpm's elfdeps (rpm's tools/elfdeps.c) writes
// them: soname(version)marker, marker "(64bit)" for ELFCLASS64 (except Alpha), so DT_NEEDED
// libpq.so.5 -> libpq.so.5()(64bit) and a version need -> libc.so.6(GLIBC_2.34)(64bit); a 32-bit
// unversioned soname stays bare. Only names containing ".so" and starting with "lib" or "ld" are
// kept (skipSoname).
#pragma once

#include "elf/elf_object.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::depmap
{

// One dependency; version empty for the plain soname requirement.
[[nodiscard]] std::string rpm_soname_dependency(std::string_view soname, std::string_view version,
                                                elf::ElfClass elf_class, std::uint16_t machine);

// elfdeps' skipSoname(): true for names rpm never turns into a dependency.
[[nodiscard]] bool rpm_skips_soname(std::string_view soname);

// The requires elfdeps would generate for `object`, leaving out every soname in `bundled` (both
// the soname itself and its version needs). rtld(GNU_HASH) is not emitted: every glibc since 2.5
// provides it, and repositories built for testing often lack glibc.
[[nodiscard]] std::vector<std::string> rpm_requires_for(const elf::ElfObject& object,
                                                        const std::set<std::string>& bundled);

} // namespace pydeb::depmap
