// What the dynamic loader and the dependency generators (dpkg-shlibdeps, rpm's elfdeps) read from
// one ELF object: its class and machine, DT_NEEDED, DT_SONAME, DT_RPATH/DT_RUNPATH, the symbol
// versions it requires (.gnu.version_r) and the undefined dynamic symbols it uses. A plain value:
// reader.hpp fills it, nothing here does I/O.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::elf
{

// ELF e_ident[EI_CLASS]: a 64-bit process cannot load a 32-bit library and vice versa, so every
// soname lookup is keyed by class and machine too (System V gABI, "ELF Identification").
enum class ElfClass
{
    elf32,
    elf64,
};

enum class ObjectKind
{
    executable,    // ET_EXEC, or ET_DYN with PT_INTERP (a PIE)
    shared_object, // ET_DYN without PT_INTERP: libraries and Python extension modules
};

// Whether an undefined symbol may stay unresolved at run time (STB_WEAK).
enum class Binding
{
    global,
    weak,
};

struct UndefinedSymbol
{
    std::string name;
    // The version node it was linked against ("GLIBC_2.34"); empty when unversioned, which
    // dpkg-shlibdeps looks up as NAME@Base (Dpkg::Shlibs::Objdump, dpkg-shlibdeps.pl).
    std::string version;
    Binding binding = Binding::global;
};

struct ElfObject
{
    // Where the object is now (inside the staging root) and where it will be installed.
    std::filesystem::path staged_path;
    std::filesystem::path install_path; // absolute, e.g. /opt/venvs/app/lib/python3.11/.../x.so
    ElfClass elf_class = ElfClass::elf64;
    std::uint16_t machine = 0; // e_machine: EM_X86_64 = 62, EM_AARCH64 = 183 ...
    ObjectKind kind = ObjectKind::shared_object;
    std::optional<std::string> soname;
    std::vector<std::string> needed;  // DT_NEEDED, in link order
    std::vector<std::string> rpath;   // DT_RPATH entries, unexpanded ($ORIGIN kept)
    std::vector<std::string> runpath; // DT_RUNPATH entries, unexpanded
    // .gnu.version_r: needed library file name -> version names ("libc.so.6" -> GLIBC_2.34...),
    // each list in section order, weak references (VER_FLG_WEAK) included.
    std::map<std::string, std::vector<std::string>> version_needs;
    std::vector<UndefinedSymbol> undefined_symbols;
    bool gnu_hash_only = false; // .gnu.hash without .hash: rpm adds rtld(GNU_HASH)
};

// "ELF 64-bit x86-64" style name for messages.
[[nodiscard]] std::string describe_abi(ElfClass elf_class, std::uint16_t machine);

} // namespace pydeb::elf
