// Where the dynamic loader of the target system would find a soname, following dpkg-shlibdeps'
// search (Dpkg::Shlibs find_library): the object's own rpath directories outside the bundle,
// the multiarch directories, /lib and /usr/lib, /etc/ld.so.conf (with its includes), then
// /lib32, /usr/lib32, /lib64, /usr/lib64. A candidate must have the object's ELF class and
// machine, so libstdc++.so.6 of an x86-64 object never resolves to the i386 copy.
#pragma once

#include "elf/elf_object.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::depmap
{

class HostLibraries
{
public:
    // root: the system to search ("/" or a chroot); directories are read below it.
    explicit HostLibraries(std::filesystem::path root);

    // The library's path as seen inside root ("/usr/lib/x86_64-linux-gnu/libz.so.1"), or nullopt.
    [[nodiscard]] std::optional<std::filesystem::path>
    locate(const std::string& soname, elf::ElfClass elf_class, std::uint16_t machine,
           const std::vector<std::filesystem::path>& extra_directories = {}) const;

    [[nodiscard]] const std::vector<std::filesystem::path>& directories() const
    {
        return m_directories;
    }

private:
    std::filesystem::path m_root;
    std::vector<std::filesystem::path> m_directories;
    // Class and machine of each candidate looked at (nullopt: missing or not a loadable ELF).
    mutable std::map<std::filesystem::path, std::optional<std::pair<elf::ElfClass, std::uint16_t>>>
        m_abis;
};

// The Debian multiarch tuple for an ELF machine and class (x86_64-linux-gnu, i386-linux-gnu,
// aarch64-linux-gnu, ...); empty when unknown.
[[nodiscard]] std::string multiarch_tuple(elf::ElfClass elf_class, std::uint16_t machine);

} // namespace pydeb::depmap
