#include "pipeline/target_plan.hpp"

#include "depmap/debian_version.hpp"
#include "depmap/map.hpp"
#include "targets/apt_sources.hpp"
#include "targets/debian_metadata.hpp"
#include "util/progress.hpp"

#include <algorithm>
#include <cctype>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

// The leading dotted numbers of a Debian version's upstream part: "3.9.2-3" → {3, 9, 2},
// "2.31-13+deb11u5" → {2, 31} (Debian Policy §5.6.12; these packages carry no epoch).
std::vector<int> leading_numbers(std::string_view version)
{
    std::vector<int> numbers;
    std::size_t at = version.find(':') == std::string_view::npos ? 0 : version.find(':') + 1;
    while (at < version.size() && std::isdigit(static_cast<unsigned char>(version[at])) != 0)
    {
        int value = 0;
        while (at < version.size() && std::isdigit(static_cast<unsigned char>(version[at])) != 0)
        {
            value = value * 10 + (version[at++] - '0');
        }
        numbers.push_back(value);
        if (at + 1 >= version.size() || version[at] != '.')
        {
            break;
        }
        ++at;
    }
    return numbers;
}

// The newest of a package's versions in the release ("" when it has none).
std::string newest(const std::vector<std::string>& versions)
{
    const auto it = std::ranges::max_element(versions, [](const auto& a, const auto& b)
                                             { return depmap::compare_debian_versions(a, b) < 0; });
    return it == versions.end() ? "" : *it;
}

// The release's python3 as the system interpreter there: its python3.X from python3's version
// (Debian's python3 is the default python3.X, Python Policy §3.1.1), the micro version from
// python3.X's own package, glibc from libc6's. nullopt when it is the build host's python3.X
// (the host's interpreter then serves, and compiles the bytecode at build time).
Expected<std::optional<python::InterpreterFacts>> release_python(const Prepared& prepared,
                                                                const TargetBuild& build)
{
    const python::InterpreterFacts& host = prepared.facts;
    const auto where = [&] { return build.where + ": target " + build.name; };
    auto versions = PYDEB_TRY(
        depmap::deb_package_versions({"python3", "libc6"}, build.repos, prepared.cache));
    const std::string python3 = newest(versions["python3"]);
    const std::vector<int> numbers = leading_numbers(python3);
    if (numbers.size() < 2 || numbers[0] != host.major)
    {
        return fail(where() + ": its Packages have " +
                    (python3.empty() ? "no python3" : "python3 " + python3 + ", not a Python " +
                                                          std::to_string(host.major)) +
                    " to run the venv; bundle an interpreter (python: {bundle: ...}) or leave " +
                    build.name + " out of targets");
    }
    if (numbers[1] == host.minor)
    {
        return std::nullopt;
    }
    const std::string versioned = "python" + std::to_string(numbers[0]) + "." +
                                  std::to_string(numbers[1]);
    const std::string full = newest(PYDEB_TRY(depmap::deb_package_versions(
        {versioned}, build.repos, prepared.cache))[versioned]);
    const std::vector<int> exact = leading_numbers(full.empty() ? python3 : full);
    const std::vector<int> libc = leading_numbers(newest(versions["libc6"]));
    std::optional<python::GlibcVersion> glibc;
    if (libc.size() >= 2)
    {
        glibc = python::GlibcVersion{libc[0], libc[1]};
    }
    return python::release_cpython(host, numbers[1], exact.size() >= 3 ? exact[2] : 0, glibc);
}

} // namespace

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
    // Made on the first target that needs metadata fetched (its HTTP client on the first request).
    std::optional<targets::MetadataFetcher> fetcher;
    const auto metadata_fetcher = [&]() -> targets::MetadataFetcher&
    {
        if (!fetcher)
        {
            fetcher.emplace(prepared.cache, prepared.scratch.path() / "release-metadata");
        }
        return *fetcher;
    };
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
                // Repositories at URLs: fetched and verified now, laid out in the scratch
                // directory, and read from there like the local ones.
                for (std::size_t i = 0; i < target.repository_urls.size(); ++i)
                {
                    prepared.progress->detail("target " + target.name);
                    auto repository =
                        metadata_fetcher().rpm_repository({target.repository_urls[i], target.keyring},
                                                prepared.scratch.path() / "rpm-md" /
                                                    (target.name + "-" + std::to_string(i + 1)));
                    if (!repository)
                    {
                        return std::unexpected(
                            context(target.where.to_string() + ": target " + target.name,
                                    repository.error()));
                    }
                    if (repository->warning)
                    {
                        util::warn(prepared.progress,
                                   "target " + target.name + ": " + *repository->warning);
                    }
                    build.repos.push_back({depmap::RepoKind::rpm_md, repository->directory});
                }
                builds.push_back(std::move(build));
                continue;
            }
            prepared.progress->detail("target " + target.name);
            const targets::ReleaseSource source{
                target.name, target.archive.empty() ? host_archive : target.archive,
                target.components, target.keyring, deb_architecture};
            auto metadata = metadata_fetcher().fetch(source);
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
            if (!prepared.bundle)
            {
                build.python = PYDEB_TRY(release_python(prepared, build));
            }
            builds.push_back(std::move(build));
        }
    }
    return builds;
}

} // namespace pydeb::pipeline
