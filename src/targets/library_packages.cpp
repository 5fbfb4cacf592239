#include "targets/library_packages.hpp"

#include "targets/release_indexes.hpp"

#include <algorithm>
#include <cctype>

namespace pydeb::targets
{

namespace
{

std::string package_name(std::string text)
{
    for (char& c : text)
    {
        c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

void add(std::vector<std::string>& names, const std::string& name)
{
    for (std::string& twin : t64_twins(name))
    {
        if (std::ranges::find(names, twin) == names.end())
        {
            names.push_back(std::move(twin));
        }
    }
}

} // namespace

std::vector<std::string> t64_twins(std::string_view package)
{
    std::string name(package);
    if (name.ends_with("t64"))
    {
        return {name, name.substr(0, name.size() - 3)};
    }
    return {name, name + "t64"};
}

std::vector<std::string> policy_package_names(std::string_view soname)
{
    std::vector<std::string> names;
    std::string library;
    std::string version;
    if (const auto so = soname.find(".so."); so != std::string_view::npos)
    {
        library = std::string(soname.substr(0, so)); // libfoo.so.1
        version = std::string(soname.substr(so + 4));
    }
    else if (soname.ends_with(".so"))
    {
        library = std::string(soname.substr(0, soname.size() - 3)); // libfoo-1.2.so, libfoo.so
        if (const auto dash = library.rfind('-');
            dash != std::string::npos && dash + 1 < library.size() &&
            std::isdigit(static_cast<unsigned char>(library[dash + 1])) != 0)
        {
            add(names, package_name(library));
            version = library.substr(dash + 1);
            library.erase(dash);
        }
    }
    else
    {
        return names;
    }
    if (version.empty())
    {
        add(names, package_name(library));
        return names;
    }
    const bool digit_end =
        !library.empty() && std::isdigit(static_cast<unsigned char>(library.back())) != 0;
    const std::string joined = package_name(library + version);
    const std::string hyphened = package_name(library + "-" + version);
    add(names, digit_end ? hyphened : joined);
    add(names, digit_end ? joined : hyphened);
    return names;
}

Expected<std::map<std::filesystem::path, std::string>>
find_in_package_files(MetadataFetcher& fetcher, const ReleaseMetadata& release,
                      const std::set<std::filesystem::path>& paths, const SonameHints& hints)
{
    std::map<std::string, std::vector<std::string>> candidates; // soname -> names, in order
    std::set<std::string> all;
    for (const auto& path : paths)
    {
        const std::string soname = path.filename().string();
        if (candidates.contains(soname))
        {
            continue;
        }
        auto& names = candidates[soname];
        names = policy_package_names(soname);
        if (const auto hint = hints.find(soname); hint != hints.end())
        {
            for (const std::string& package : hint->second)
            {
                add(names, package);
            }
        }
        all.insert(names.begin(), names.end());
    }
    const auto pool = PYDEB_TRY(find_pool_files(release.packages, all));
    std::vector<PoolFile> debs;
    for (const auto& [name, deb] : pool)
    {
        debs.push_back(deb);
    }
    const auto lists = PYDEB_TRY(fetcher.package_files(release, debs));
    const WantedPaths wanted(paths);
    std::map<std::filesystem::path, std::string> found;
    for (const auto& [soname, names] : candidates)
    {
        bool shipped = false;
        std::string tried;
        for (const std::string& name : names)
        {
            const auto list = lists.find(name);
            tried += (tried.empty() ? "" : ", ") + name +
                     (list == lists.end() ? " (not in its Packages)" : "");
            if (list == lists.end())
            {
                continue;
            }
            for (const std::string& file : list->second)
            {
                if (const auto path = wanted.match(std::string_view(file).substr(1)))
                {
                    found.try_emplace(*path, name);
                    shipped = shipped || path->filename() == soname;
                }
            }
            if (shipped)
            {
                break;
            }
        }
        if (!shipped)
        {
            return fail(soname + ": no package of " + release.source.codename +
                        " is known to ship it: tried " + tried +
                        "; without the release's Contents a library's package is found only by "
                        "its Debian Policy §8.1 name or the build host's package of it. Use an "
                        "archive that serves the Contents its Release lists (targets: archive:)");
        }
    }
    return found;
}

} // namespace pydeb::targets
