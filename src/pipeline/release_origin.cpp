#include "pipeline/release_origin.hpp"

#include <set>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

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
        const auto contents = PYDEB_TRY(fetcher->contents(release));
        shipped = PYDEB_TRY(targets::find_in_contents(
            contents, std::set<fs::path>(candidates.begin(), candidates.end())));
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
