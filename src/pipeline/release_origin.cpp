#include "pipeline/release_origin.hpp"

#include "depmap/dpkg_database.hpp"
#include "targets/library_packages.hpp"

#include <algorithm>
#include <set>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

// For each soname, the build host's package of the library the objects were linked against:
// a candidate name only, never an answer (find_in_package_files confirms it in the release).
targets::SonameHints host_hints(const Prepared& prepared, const std::set<fs::path>& paths)
{
    targets::SonameHints hints;
    const auto database = depmap::DpkgDatabase::open("/", prepared.cache);
    if (!database)
    {
        return hints; // no dpkg database: the §8.1 names alone
    }
    std::vector<fs::path> exact;
    for (const fs::path& path : paths)
    {
        if (path.parent_path().filename() != "*")
        {
            exact.push_back(path);
        }
    }
    for (const auto& [path, package] : database->find_owners(exact))
    {
        auto& packages = hints[path.filename().string()];
        if (std::ranges::find(packages, package) == packages.end())
        {
            packages.push_back(package);
        }
    }
    return hints;
}

} // namespace

Expected<std::unique_ptr<depmap::ReleaseOrigin>>
release_origin(const Prepared& prepared, const StagedObjects& staged,
               const targets::ReleaseMetadata& release)
{
    const std::string& codename = release.source.codename;
    const auto candidates =
        depmap::release_library_candidates(staged.objects, staged.root, prepared.spec.prefix);
    auto fetcher = std::make_shared<targets::MetadataFetcher>(
        prepared.cache, prepared.scratch.path() / "release-metadata");
    std::map<fs::path, std::string> shipped;
    if (!candidates.empty())
    {
        const std::set<fs::path> paths(candidates.begin(), candidates.end());
        const auto contents = PYDEB_TRY(fetcher->contents(release));
        if (!contents.unavailable)
        {
            shipped = PYDEB_TRY(targets::find_in_contents(contents.files, paths));
        }
        else
        {
            util::warn(prepared.progress,
                       "target " + codename + ": " + *contents.unavailable +
                           "; its libraries' packages are found by name instead (Debian Policy "
                           "§8.1, or the build host's package of the library) and each is "
                           "confirmed by the file list of its own .deb, downloaded whole and "
                           "checked against the release's verified Packages");
            shipped = PYDEB_TRY(targets::find_in_package_files(*fetcher, release, paths,
                                                               host_hints(prepared, paths)));
        }
    }
    std::set<std::string> owners;
    for (const auto& [path, package] : shipped)
    {
        owners.insert(package);
    }
    auto pool = PYDEB_TRY(targets::find_pool_files(release.packages, owners));
    depmap::ControlSource control =
        [fetcher, pool = std::move(pool), &release,
         codename](const std::string& package) -> Expected<depmap::ControlTexts> {
        const auto deb = pool.find(package);
        if (deb == pool.end())
        {
            return fail(package + ": " + codename +
                        "'s Contents lists it but its Packages does not; the two indexes "
                        "disagree (a mirror in mid-update?)");
        }
        auto files = fetcher->control_files(release, deb->second);
        if (!files)
        {
            return std::unexpected(
                context("the control files of " + package + " in " + codename, files.error()));
        }
        return depmap::ControlTexts{std::move(files->symbols), std::move(files->shlibs),
                                    deb->second.filename};
    };
    return std::make_unique<depmap::ReleaseOrigin>(codename, std::move(shipped),
                                                   std::move(control));
}

} // namespace pydeb::pipeline
