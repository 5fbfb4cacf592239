#include "depmap/dpkg_database.hpp"

#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

std::vector<fs::path> usrmerge_aliases(const fs::path& path)
{
    // Debian's merged /usr (bookworm default) makes /lib, /lib64, /bin, /sbin symlinks into /usr;
    // dpkg still records whichever spelling the package shipped.
    std::vector<fs::path> out{path};
    const std::string text = path.string();
    const auto merged_top = [](std::string_view rest)
    { return rest.starts_with("/lib") || rest.starts_with("/bin/") || rest.starts_with("/sbin/"); };
    if (text.starts_with("/usr/") && merged_top(std::string_view(text).substr(4)))
    {
        out.emplace_back(text.substr(4));
    }
    else if (merged_top(text))
    {
        out.emplace_back("/usr" + text);
    }
    return out;
}

Expected<DpkgDatabase> DpkgDatabase::open(const fs::path& root, const util::CacheStore& cache)
{
    DpkgDatabase db;
    db.m_root = root;
    db.m_info = root / "var/lib/dpkg/info";
    db.m_owners = std::make_shared<DpkgOwners>(root, cache);
    const auto status_path = root / "var/lib/dpkg/status";
    const int fd = ::open(status_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
    {
        return fail(status_path.string() + ": cannot read the dpkg database (" +
                    std::strerror(errno) + "); mapping sonames to Debian packages needs dpkg");
    }
    ::close(fd);
    db.m_packages = std::make_shared<InstalledPackages>(status_path);
    return db;
}

const InstalledPackage* DpkgDatabase::find(std::string_view name) const
{
    return m_packages->find(name);
}

std::map<fs::path, std::string> DpkgDatabase::find_owners(const std::vector<fs::path>& paths,
                                                          FollowLinks follow) const
{
    // Every spelling we accept for each path, the path itself first.
    std::vector<std::vector<std::string>> groups;
    for (const auto& path : paths)
    {
        std::vector<fs::path> spellings = usrmerge_aliases(path);
        std::error_code ec;
        if (auto real = fs::canonical(m_root / path.relative_path(), ec);
            !ec && follow == FollowLinks::yes)
        {
            for (auto& alias : usrmerge_aliases(fs::path("/") / real.lexically_relative(m_root)))
            {
                spellings.push_back(std::move(alias));
            }
        }
        auto& group = groups.emplace_back();
        for (const auto& spelling : spellings)
        {
            group.push_back(spelling.string());
        }
    }
    const auto answers = m_owners->lookup(groups, [this](std::string_view package)
                                          { return m_packages->installed(package); });
    std::map<fs::path, std::string> owners;
    for (std::size_t i = 0; i < paths.size(); ++i)
    {
        if (answers[i])
        {
            owners.try_emplace(paths[i], *answers[i]);
        }
    }
    return owners;
}

std::optional<fs::path> DpkgDatabase::control_file(std::string_view package,
                                                   std::string_view ext) const
{
    const auto* installed = find(package);
    if (installed == nullptr)
    {
        return std::nullopt;
    }
    std::error_code ec;
    for (const auto& name :
         {std::string(package) + ":" + installed->architecture + "." + std::string(ext),
          std::string(package) + "." + std::string(ext)})
    {
        if (fs::is_regular_file(m_info / name, ec))
        {
            return m_info / name;
        }
    }
    return std::nullopt;
}

Expected<std::optional<DpkgDatabase::ControlFile>>
DpkgDatabase::read_control_file(std::string_view package, std::string_view ext) const
{
    const auto* installed = find(package);
    if (installed == nullptr)
    {
        return std::nullopt;
    }
    for (const auto& name :
         {std::string(package) + ":" + installed->architecture + "." + std::string(ext),
          std::string(package) + "." + std::string(ext)})
    {
        auto path = m_info / name;
        if (auto text = util::read_file(path))
        {
            return ControlFile{std::move(path), std::move(*text)};
        }
        // As control_file(): what is not there, or not a regular file, is looked for under
        // the next name; a file that is there but unreadable is an error.
        if (errno != ENOENT && errno != ENOTDIR && errno != ELOOP && errno != EINVAL)
        {
            return fail(path.string() + ": cannot read: " + std::strerror(errno));
        }
    }
    return std::nullopt;
}

} // namespace pydeb::depmap
