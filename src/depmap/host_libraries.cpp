#include "depmap/host_libraries.hpp"

#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <array>
#include <fcntl.h>
#include <fstream>
#include <glob.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

namespace
{

// ld.so.conf(5): one directory per line, "include GLOB" lines (relative globs are relative to
// /etc), '#' comments. The includes are followed once each.
void read_ld_so_conf(const fs::path& root, const fs::path& file, std::vector<fs::path>& out,
                     int depth)
{
    std::ifstream in(root / file.relative_path());
    for (std::string line; depth < 8 && std::getline(in, line);)
    {
        line = std::string(util::trim(line.substr(0, line.find('#'))));
        if (line.starts_with("include"))
        {
            std::string pattern(util::trim(line.substr(7)));
            if (!pattern.starts_with('/'))
            {
                pattern = "/etc/" + pattern;
            }
            const std::string rooted = (root / fs::path(pattern).relative_path()).string();
            glob_t matches{};
            if (::glob(rooted.c_str(), 0, nullptr, &matches) == 0)
            {
                for (std::size_t i = 0; i < matches.gl_pathc; ++i)
                {
                    const fs::path match = matches.gl_pathv[i];
                    read_ld_so_conf(root, fs::path("/") / match.lexically_relative(root), out,
                                    depth + 1);
                }
            }
            ::globfree(&matches);
        }
        else if (line.starts_with('/'))
        {
            out.emplace_back(line);
        }
    }
}

// The ABI of a shared object or executable from its ELF header alone (System V gABI "ELF Header":
// e_ident, then e_type at 16 and e_machine at 18, in the byte order of e_ident[EI_DATA]). A
// library candidate is only ever compared by class and machine, so it is not read further.
std::optional<std::pair<elf::ElfClass, std::uint16_t>> elf_abi(const fs::path& path)
{
    std::array<unsigned char, 20> header{};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
    {
        return std::nullopt;
    }
    const auto got = ::read(fd, header.data(), header.size());
    ::close(fd);
    if (got != static_cast<ssize_t>(header.size()) ||
        !util::has_elf_magic(std::string_view(reinterpret_cast<const char*>(header.data()), 4)))
    {
        return std::nullopt;
    }
    const bool big_endian = header[5] == 2; // ELFDATA2MSB
    const auto half = [&](std::size_t at)
    {
        return static_cast<std::uint16_t>(big_endian ? header[at] << 8 | header[at + 1]
                                                     : header[at + 1] << 8 | header[at]);
    };
    const auto type = half(16);
    if ((type != 2 && type != 3) || (header[4] != 1 && header[4] != 2)) // ET_EXEC, ET_DYN
    {
        return std::nullopt;
    }
    return std::pair(header[4] == 1 ? elf::ElfClass::elf32 : elf::ElfClass::elf64, half(18));
}

} // namespace

std::string multiarch_tuple(elf::ElfClass elf_class, std::uint16_t machine)
{
    const bool is64 = elf_class == elf::ElfClass::elf64;
    switch (machine)
    {
    case 62: // EM_X86_64 (an ELF32 x86-64 object is x32)
        return is64 ? "x86_64-linux-gnu" : "x86_64-linux-gnux32";
    case 3: // EM_386
        return "i386-linux-gnu";
    case 183: // EM_AARCH64
        return "aarch64-linux-gnu";
    case 40: // EM_ARM
        return "arm-linux-gnueabihf";
    case 21: // EM_PPC64
        return "powerpc64le-linux-gnu";
    case 22: // EM_S390
        return "s390x-linux-gnu";
    case 243: // EM_RISCV
        return "riscv64-linux-gnu";
    default:
        return "";
    }
}

HostLibraries::HostLibraries(fs::path root) : m_root(std::move(root))
{
    m_directories = {"/lib", "/usr/lib"};
    read_ld_so_conf(m_root, "/etc/ld.so.conf", m_directories, 0);
    for (const char* dir : {"/lib32", "/usr/lib32", "/lib64", "/usr/lib64"})
    {
        m_directories.emplace_back(dir);
    }
}

std::optional<fs::path> HostLibraries::locate(const std::string& soname, elf::ElfClass elf_class,
                                              std::uint16_t machine,
                                              const std::vector<fs::path>& extra_directories) const
{
    std::vector<fs::path> dirs = extra_directories;
    if (const auto tuple = multiarch_tuple(elf_class, machine); !tuple.empty())
    {
        dirs.push_back(fs::path("/lib") / tuple);
        dirs.push_back(fs::path("/usr/lib") / tuple);
    }
    dirs.insert(dirs.end(), m_directories.begin(), m_directories.end());
    for (const auto& dir : dirs)
    {
        const fs::path candidate = dir / soname;
        auto known = m_abis.find(candidate);
        if (known == m_abis.end())
        {
            // Every object of a package needs libc.so.6 and friends: each candidate is read once.
            const fs::path file = m_root / candidate.relative_path();
            std::error_code ec;
            known = m_abis
                        .emplace(candidate,
                                 fs::is_regular_file(file, ec) ? elf_abi(file) : std::nullopt)
                        .first;
        }
        if (known->second && known->second->first == elf_class && known->second->second == machine)
        {
            return candidate;
        }
    }
    return std::nullopt;
}

} // namespace pydeb::depmap
