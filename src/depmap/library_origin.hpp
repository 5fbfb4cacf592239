// Where dpkg-shlibdeps' questions about a soname are answered: which file the loader would find,
// which package ships it, and that package's shlibs/symbols control files. On the build host
// (HostOrigin) from its library directories and dpkg database; for a target release
// (release_libraries.hpp) from that release's Contents index and its .debs' control members.
#pragma once

#include "depmap/deb_package_info.hpp"
#include "depmap/dpkg_database.hpp"
#include "depmap/host_libraries.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::depmap
{

class LibraryOrigin
{
public:
    virtual ~LibraryOrigin() = default;
    // The library's path on the system, or nullopt when nothing ships it.
    [[nodiscard]] virtual std::optional<std::filesystem::path>
    locate(const std::string& soname, elf::ElfClass elf_class, std::uint16_t machine,
           const std::vector<std::filesystem::path>& extra_directories) const = 0;
    // The package shipping each located path (paths nothing ships are left out).
    [[nodiscard]] virtual std::map<std::filesystem::path, std::string>
    find_owners(const std::vector<std::filesystem::path>& paths) const = 0;
    [[nodiscard]] virtual Expected<PackageInfo> package_info(const std::string& package,
                                                             const SymbolNames* wanted) const = 0;
    // "on this system", "in bookworm": ends the messages about a soname nothing ships.
    [[nodiscard]] virtual std::string where() const = 0;
    // Whether a soname nothing ships fails the mapping (a target release) or only warns (the
    // host, where the library may come from outside any package).
    [[nodiscard]] virtual bool missing_is_error() const = 0;
};

class HostOrigin final : public LibraryOrigin
{
public:
    HostOrigin(const DpkgDatabase& database, const HostLibraries& libraries)
        : m_database(database), m_libraries(libraries)
    {
    }
    [[nodiscard]] std::optional<std::filesystem::path>
    locate(const std::string& soname, elf::ElfClass elf_class, std::uint16_t machine,
           const std::vector<std::filesystem::path>& extra_directories) const override
    {
        return m_libraries.locate(soname, elf_class, machine, extra_directories);
    }
    [[nodiscard]] std::map<std::filesystem::path, std::string>
    find_owners(const std::vector<std::filesystem::path>& paths) const override
    {
        return m_database.find_owners(paths);
    }
    [[nodiscard]] Expected<PackageInfo> package_info(const std::string& package,
                                                     const SymbolNames* wanted) const override
    {
        return load_package_info(m_database, package, wanted);
    }
    [[nodiscard]] std::string where() const override { return "on this system"; }
    [[nodiscard]] bool missing_is_error() const override { return false; }

private:
    const DpkgDatabase& m_database;
    const HostLibraries& m_libraries;
};

} // namespace pydeb::depmap
