#include "depmap/libsolv/target_repos.hpp"

#include "adapters/solv_repos/loaders.hpp"

#include <algorithm>

namespace fs = std::filesystem;
namespace solv = pydeb::adapters::solv;
namespace repos = pydeb::adapters::solv_repos;

namespace pydeb::depmap::libsolv
{

Expected<void> load_repo(solv::ObjPool& pool, const RepoSource& source,
                         const util::CacheStore& store)
{
    const repos::CacheOptions cache{store.directory(util::CacheKind::solv).value_or(fs::path())};
    switch (source.kind)
    {
    case RepoKind::dpkg_status:
        PYDEB_TRY(repos::load_dpkg_status(pool, source.path));
        break;
    case RepoKind::apt_packages:
        PYDEB_TRY(repos::load_apt_packages(pool, source.path, cache));
        break;
    case RepoKind::rpm_md:
        PYDEB_TRY(repos::load_rpm_md(pool, source.path, cache));
        break;
    case RepoKind::rpmdb:
        PYDEB_TRY(repos::load_rpmdb(pool, source.path));
        break;
    }
    return {};
}

Expected<std::vector<RepoSource>> check_sources(const InstallCheck& check, const fs::path& root)
{
    std::vector<RepoSource> sources = check.repos;
    if (!sources.empty())
    {
        return sources;
    }
    if (check.target == Target::rpm)
    {
        return fail(check.package_name + ": no rpm repository to check against; name an "
                                         "rpm-md directory or an rpm database root");
    }
    for (const auto& list : apt_package_lists(root))
    {
        sources.push_back({RepoKind::apt_packages, list});
    }
    sources.push_back({RepoKind::dpkg_status, root});
    return sources;
}

std::vector<fs::path> apt_package_lists(const fs::path& root)
{
    std::vector<fs::path> lists;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root / "var/lib/apt/lists", ec))
    {
        const auto name = entry.path().filename().string();
        const auto stem = name.substr(0, name.find("_Packages") + 9);
        if (entry.is_regular_file(ec) && stem.ends_with("_Packages") &&
            (name == stem || name.find('.', stem.size()) == stem.size()))
        {
            lists.push_back(entry.path());
        }
    }
    std::ranges::sort(lists);
    return lists;
}

} // namespace pydeb::depmap::libsolv
