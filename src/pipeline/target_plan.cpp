#include "pipeline/target_plan.hpp"

#include "targets/apt_sources.hpp"
#include "targets/debian_metadata.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

std::string debian_release_suffix(int number)
{
    return "~deb" + std::to_string(number);
}

Expected<std::vector<TargetBuild>> plan_targets(const Prepared& prepared,
                                                const std::vector<spec::Format>& formats,
                                                const std::string& deb_architecture)
{
    const spec::Spec& spec = prepared.spec;
    std::vector<TargetBuild> builds;
    std::optional<targets::MetadataFetcher> fetcher;
    const std::string host_archive = targets::host_debian_archive();
    for (const spec::Format format : formats)
    {
        const spec::TargetKind kind =
            format == spec::Format::deb ? spec::TargetKind::debian : spec::TargetKind::rpm;
        const bool targeted = std::ranges::any_of(
            spec.targets, [&](const spec::Target& target) { return target.kind == kind; });
        if (!targeted)
        {
            builds.push_back({format, "", "", "", spec.compression, {}, std::nullopt});
            continue;
        }
        for (const spec::Target& target : spec.targets)
        {
            if (target.kind != kind)
            {
                continue;
            }
            TargetBuild build{format,
                              target.name,
                              target.where.to_string(),
                              "",
                              target.compression,
                              {},
                              std::nullopt};
            if (kind == spec::TargetKind::rpm)
            {
                build.release_suffix = "." + target.name; // the %{?dist} tag: 1.el9
                for (const fs::path& repository : target.repositories)
                {
                    build.repos.push_back({depmap::RepoKind::rpm_md, repository});
                }
                builds.push_back(std::move(build));
                continue;
            }
            if (!fetcher)
            {
                fetcher.emplace(prepared.cache, prepared.scratch.path() / "release-metadata");
            }
            prepared.progress->detail("target " + target.name);
            const targets::ReleaseSource source{
                target.name, target.archive.empty() ? host_archive : target.archive,
                target.components, target.keyring, deb_architecture};
            auto metadata = fetcher->fetch(source);
            if (!metadata)
            {
                return std::unexpected(
                    context(target.where.to_string() + ": target " + target.name,
                            metadata.error()));
            }
            build.release_suffix = debian_release_suffix(target.debian_number);
            for (const fs::path& packages : metadata->packages)
            {
                build.repos.push_back({depmap::RepoKind::apt_packages, packages});
            }
            build.release = std::move(*metadata);
            builds.push_back(std::move(build));
        }
    }
    return builds;
}

} // namespace pydeb::pipeline
