#include "depmap/release_libraries.hpp"

#include "depmap/deb_mapper.hpp"
#include "depmap/dpkg_control_files.hpp"
#include "elf/scan.hpp"

#include <set>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

namespace
{

// Dpkg::Shlibs' default library paths after the object's own (dpkg's scripts/Dpkg/Shlibs.pm).
std::vector<fs::path> search_path(elf::ElfClass elf_class, std::uint16_t machine,
                                  const std::vector<fs::path>& extra_directories)
{
    std::vector<fs::path> directories = extra_directories;
    if (const std::string tuple = multiarch_tuple(elf_class, machine); !tuple.empty())
    {
        directories.push_back("/lib/" + tuple);
        directories.push_back("/usr/lib/" + tuple);
    }
    for (const char* dir : {"/lib", "/usr/lib", "/lib64", "/usr/lib64"})
    {
        directories.emplace_back(dir);
    }
    return directories;
}

} // namespace

std::optional<fs::path> ReleaseOrigin::locate(const std::string& soname, elf::ElfClass elf_class,
                                              std::uint16_t machine,
                                              const std::vector<fs::path>& extra_directories) const
{
    for (const fs::path& directory : search_path(elf_class, machine, extra_directories))
    {
        for (const fs::path& path : usrmerge_aliases(directory / soname))
        {
            if (m_shipped.contains(path))
            {
                return path;
            }
        }
    }
    // Several packages may offer the alternative (blas/, atlas/, openblas-pthread/): the one in
    // the directory named for the library (the reference implementation, libblas3's blas/) first.
    const auto key = split_soname(soname);
    const std::string reference = key && key->library.starts_with("lib") ? key->library.substr(3) : "";
    std::optional<fs::path> found;
    for (const fs::path& directory : search_path(elf_class, machine, extra_directories))
    {
        for (const fs::path& alias : usrmerge_aliases(directory))
        {
            const std::string prefix = alias.string() + "/";
            for (auto it = m_shipped.lower_bound(alias);
                 it != m_shipped.end() && it->first.string().starts_with(prefix); ++it)
            {
                const fs::path& path = it->first;
                if (path.filename() != soname || path.parent_path().parent_path() != alias)
                {
                    continue;
                }
                if (path.parent_path().filename() == reference)
                {
                    return path;
                }
                found = found ? found : path;
            }
        }
        if (found)
        {
            return found;
        }
    }
    return std::nullopt;
}

std::map<fs::path, std::string> ReleaseOrigin::find_owners(const std::vector<fs::path>& paths) const
{
    std::map<fs::path, std::string> owners;
    for (const fs::path& path : paths)
    {
        if (const auto it = m_shipped.find(path); it != m_shipped.end())
        {
            owners.emplace(path, it->second);
        }
    }
    return owners;
}

Expected<PackageInfo> ReleaseOrigin::package_info(const std::string& package,
                                                  const SymbolNames* wanted) const
{
    const ControlTexts texts = PYDEB_TRY(m_control(package));
    return parse_package_info(texts.symbols, texts.shlibs, texts.origin, wanted);
}

std::vector<fs::path> release_library_candidates(std::span<const elf::ElfObject> objects,
                                                 const fs::path& stage_root,
                                                 const fs::path& prefix)
{
    std::set<fs::path> candidates;
    for (const auto& object : objects)
    {
        const auto directories = search_path(object.elf_class, object.machine,
                                             outside_search_directories(object, prefix));
        for (const auto& soname : object.needed)
        {
            if (elf::find_in_bundle(object, soname, stage_root))
            {
                continue;
            }
            for (const fs::path& directory : directories)
            {
                for (const fs::path& path : usrmerge_aliases(directory / soname))
                {
                    candidates.insert(path);
                    candidates.insert(path.parent_path() / "*" / soname);
                }
            }
        }
    }
    return {candidates.begin(), candidates.end()};
}

} // namespace pydeb::depmap
