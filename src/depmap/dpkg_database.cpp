#include "depmap/dpkg_database.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

namespace
{

// deb-control(5) stanzas: "Field: value" lines, continuation lines start with a space, a blank
// line ends the stanza. Only the single-line fields dpkg -S and dpkg-shlibdeps need are kept. The
// status of a desktop system is a few MB: it is walked as views, copying only the kept values.
void parse_status(std::string_view text, std::map<std::string, InstalledPackage, std::less<>>& out)
{
    InstalledPackage current;
    std::string_view status;
    const auto flush = [&]
    {
        // "want flag status": keep "install ok installed", "hold ok installed".
        if (!current.name.empty() && status.ends_with(" installed"))
        {
            auto name = current.name;
            out.insert_or_assign(std::move(name), std::move(current));
        }
        current = {};
        status = {};
    };
    for (std::size_t pos = 0; pos <= text.size();)
    {
        const auto end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (util::trim(line).empty())
        {
            flush();
            continue;
        }
        if (line.front() == ' ' || line.front() == '\t')
        {
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
        {
            continue;
        }
        const std::string_view field = line.substr(0, colon);
        const std::string_view value = util::trim(line.substr(colon + 1));
        if (field == "Package")
        {
            current.name = value;
        }
        else if (field == "Status")
        {
            status = value;
        }
        else if (field == "Architecture")
        {
            current.architecture = value;
        }
        else if (field == "Version")
        {
            current.version = value;
        }
        else if (field == "Multi-Arch")
        {
            current.multi_arch = value;
        }
    }
    flush();
}

} // namespace

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

Expected<DpkgDatabase> DpkgDatabase::open(const fs::path& root)
{
    DpkgDatabase db;
    db.m_root = root;
    db.m_info = root / "var/lib/dpkg/info";
    db.m_owners = std::make_shared<DpkgOwners>(root);
    const auto status_path = root / "var/lib/dpkg/status";
    std::string text;
    if (!read_whole_file(status_path, text))
    {
        return fail(status_path.string() + ": cannot read the dpkg database (" +
                    std::strerror(errno) + "); mapping sonames to Debian packages needs dpkg");
    }
    parse_status(text, db.m_packages);
    return db;
}

const InstalledPackage* DpkgDatabase::find(std::string_view name) const
{
    auto it = m_packages.find(name);
    return it == m_packages.end() ? nullptr : &it->second;
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
                                          { return find(package) != nullptr; });
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

} // namespace pydeb::depmap
