#include "resolve/candidates.hpp"

#include "python/name.hpp"
#include "python/sdist_filename.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>

namespace pydeb::resolve
{

std::vector<const python::Requirement*>
applicable_requirements(const WheelMetadata& metadata, const python::MarkerEnvironment& env,
                        ExtraScope scope, const std::string& extra)
{
    std::vector<const python::Requirement*> result;
    for (const auto& requirement : metadata.requires_dist)
    {
        const bool base = !requirement.marker || requirement.marker->evaluate(env, {});
        if (scope == ExtraScope::base)
        {
            if (base)
            {
                result.push_back(&requirement);
            }
        }
        else if (!base && requirement.marker->evaluate(env, {extra}))
        {
            result.push_back(&requirement);
        }
    }
    return result;
}

std::vector<python::Requirement>
applicable_roots(const std::vector<python::Requirement>& requirements,
                 const python::MarkerEnvironment& env)
{
    std::vector<python::Requirement> result;
    for (const auto& requirement : requirements)
    {
        if (!requirement.marker || requirement.marker->evaluate(env, {}))
        {
            result.push_back(requirement);
        }
    }
    return result;
}

namespace
{

struct Collector
{
    Collector(const Wheelhouse& house_, const python::InterpreterFacts& target_,
              python::Version python_version_, const util::CacheStore& cache_,
              WheelSource* source_, const std::map<std::string, python::Version>& keep_,
              SdistBuilder* builder_)
        : house(house_), target(target_), cache(cache_), source(source_), keep(keep_),
          builder(builder_),
          tags(python::compatible_tags(target_)), python_version(std::move(python_version_))
    {
        universe.warnings = house.warnings;
    }

    const Wheelhouse& house;
    const python::InterpreterFacts& target;
    const util::CacheStore& cache;
    WheelSource* source;
    const std::map<std::string, python::Version>& keep;
    SdistBuilder* builder;
    python::TagPriority tags;
    python::Version python_version;
    Universe universe;
    std::deque<std::string> pending;
    // PEP 592: a yanked file is used only for a requirement pinned to its version (== or ===).
    std::map<std::string, std::set<std::string>> pinned;
    // Every specifier asked of a name so far: an sdist is built only for a version they admit.
    std::map<std::string, std::vector<python::SpecifierSet>> asked;
    std::optional<Error> failure;

    void want(const python::Requirement& requirement)
    {
        const std::string name = requirement.normalized_name();
        const auto& specifiers = requirement.specifier.specifiers();
        if (specifiers.size() == 1 && (specifiers[0].op == python::Operator::equal ||
                                       specifiers[0].op == python::Operator::arbitrary))
        {
            pinned[name].insert(specifiers[0].op == python::Operator::equal
                                    ? specifiers[0].version.to_string()
                                    : specifiers[0].version_text);
        }
        asked[name].push_back(requirement.specifier);
        auto [it, inserted] = universe.projects.try_emplace(name);
        it->second.requested_extras.insert(requirement.extras.begin(), requirement.extras.end());
        if (inserted)
        {
            it->second.name = name;
            pending.push_back(name);
        }
    }

    void load(Project& project)
    {
        if (const auto wheels = house.wheels.find(project.name); wheels != house.wheels.end())
        {
            for (const WheelFile& wheel : wheels->second)
            {
                add(project, wheel);
            }
        }
        if (source != nullptr)
        {
            auto remote = source->wheels(project.name);
            if (!remote)
            {
                failure = std::move(remote.error());
                return;
            }
            for (RemoteWheel& wheel : *remote)
            {
                add_remote(project, std::move(wheel));
                if (failure)
                {
                    return;
                }
            }
        }
        // pip's CandidateEvaluator sort key: version, then tag priority, then build tag.
        std::ranges::stable_sort(project.candidates,
                                 [](const Candidate& a, const Candidate& b)
                                 {
                                     if (a.version != b.version)
                                     {
                                         return a.version < b.version;
                                     }
                                     if (a.tag_priority != b.tag_priority)
                                     {
                                         return a.tag_priority > b.tag_priority;
                                     }
                                     return a.build < b.build; // no build tag sorts first
                                 });
        keep_locked(project);
        if (project.candidates.empty())
        {
            load_sdist(project);
        }
    }

    struct SdistChoice
    {
        std::string file;
        python::Version version;
        std::filesystem::path path; // a wheelhouse file; empty for an index's
        std::optional<RemoteSdist> remote;
    };

    bool admitted(const std::string& name, const std::string& file,
                  const python::Version& version, const std::optional<std::string>& yanked,
                  const std::optional<std::string>& requires_python, Project& project)
    {
        for (const auto& specifier : asked[name])
        {
            if (!specifier.contains(version, python::PreReleases::allow))
            {
                return false;
            }
        }
        if (yanked && !pinned[name].contains(version.to_string()))
        {
            project.set_aside.push_back({file, version, "it is yanked (PEP 592); pin its version "
                                                        "with == to use it"});
            return false;
        }
        if (requires_python)
        {
            const auto specifier = python::SpecifierSet::parse(*requires_python);
            if (specifier && !specifier->contains(python_version, python::PreReleases::allow))
            {
                project.set_aside.push_back({file, version,
                                             "it requires Python " + specifier->to_string() +
                                                 ", the target is " + python_version.to_string()});
                return false;
            }
        }
        return true;
    }

    // No wheel fits: the newest admitted sdist (the wheelhouses' first at equal versions), built
    // for the target. The version comes from the file name (PEP 625; legacy names split as pip
    // splits them), the metadata from the built wheel.
    void load_sdist(Project& project)
    {
        std::vector<SdistChoice> choices;
        if (const auto local = house.sdists.find(project.name); local != house.sdists.end())
        {
            for (const SdistFile& sdist : local->second)
            {
                const std::string file = sdist.path.filename().string();
                auto parsed = python::parse_sdist_filename(file, project.name);
                if (parsed && admitted(project.name, file, parsed->version, {}, {}, project))
                {
                    choices.push_back({file, parsed->version, sdist.path, std::nullopt});
                }
            }
        }
        if (source != nullptr)
        {
            auto remote = source->sdists(project.name);
            if (!remote)
            {
                failure = std::move(remote.error());
                return;
            }
            for (RemoteSdist& sdist : *remote)
            {
                if (admitted(project.name, sdist.file, sdist.version, sdist.yanked,
                             sdist.requires_python, project))
                {
                    choices.push_back({sdist.file, sdist.version, {}, std::move(sdist)});
                }
            }
        }
        if (choices.empty())
        {
            return;
        }
        if (builder == nullptr)
        {
            for (const SdistChoice& choice : choices)
            {
                project.sdists.push_back({choice.path.empty() ? std::filesystem::path(choice.file)
                                                             : choice.path,
                                          choice.version.to_string()});
            }
            return;
        }
        const SdistChoice& best = *std::ranges::max_element(
            choices, [](const SdistChoice& a, const SdistChoice& b) { return a.version < b.version; });
        SdistToBuild build{best.path, best.file, best.path.string(), {}, project.name, best.version};
        SdistOrigin origin{best.file, {}, {}};
        if (best.remote)
        {
            auto fetched = source->fetch_sdist(*best.remote);
            if (!fetched)
            {
                failure = std::move(fetched.error());
                return;
            }
            build.path = fetched->path;
            build.sha256 = fetched->sha256;
            build.where = best.remote->url;
            origin.url = best.remote->url;
        }
        else
        {
            auto sha256 = wheel_sha256(cache, best.path);
            if (!sha256)
            {
                failure = std::move(sha256.error());
                return;
            }
            build.sha256 = *sha256;
        }
        origin.sha256 = build.sha256;
        auto wheel = builder->build(build);
        if (!wheel)
        {
            failure = std::move(wheel.error());
            return;
        }
        const std::string wheel_file = wheel->filename().string();
        auto filename = python::WheelFilename::parse(wheel_file);
        if (!filename)
        {
            failure = Error{best.file + ": the backend built " + wheel_file + ", " +
                            filename.error().message};
            return;
        }
        const auto priority = fits(project, best.file, *filename);
        if (!priority)
        {
            return;
        }
        auto metadata = read_wheel_metadata(cache, *wheel);
        if (!metadata)
        {
            failure = std::move(metadata.error());
            return;
        }
        accept(project, {project.name, {}, best.version, *wheel, best.file, std::nullopt,
                         *priority, filename->build, std::move(*metadata), std::move(origin)},
               build.where);
    }

    // Only the kept version's candidates stay, when there are any (the lock's wheel may be gone).
    void keep_locked(Project& project)
    {
        const auto kept = keep.find(project.name);
        if (kept == keep.end() ||
            std::ranges::none_of(project.candidates, [&](const Candidate& c)
                                 { return c.version == kept->second; }))
        {
            return;
        }
        std::erase_if(project.candidates,
                      [&](const Candidate& c) { return c.version != kept->second; });
    }

    std::optional<std::size_t> fits(Project& project, const std::string& filename,
                                    const python::WheelFilename& wheel)
    {
        const auto priority = tags.best(wheel.tags());
        if (!priority)
        {
            project.set_aside.push_back({filename, wheel.version,
                                         "its tags do not fit the target (" + target.abi_tag +
                                             ", " + target.platform + ")"});
        }
        return priority;
    }

    void add(Project& project, const WheelFile& wheel)
    {
        const std::string filename = wheel.path.filename().string();
        const auto priority = fits(project, filename, wheel.filename);
        if (!priority)
        {
            return;
        }
        auto metadata = read_wheel_metadata(cache, wheel.path);
        if (!metadata)
        {
            universe.warnings.push_back(metadata.error().message + "; wheel ignored");
            project.set_aside.push_back({filename, wheel.filename.version,
                                         "its metadata is unreadable: " + metadata.error().message});
            return;
        }
        accept(project, {project.name, {}, wheel.filename.version, wheel.path, filename,
                         std::nullopt, *priority, wheel.filename.build, std::move(*metadata)},
               wheel.path.string());
    }

    void add_remote(Project& project, RemoteWheel wheel)
    {
        const std::string filename = wheel.file;
        const python::Version version = wheel.filename.version;
        const auto build = wheel.filename.build;
        if (project.name != wheel.filename.normalized_name())
        {
            return; // a find-links page links every project's files
        }
        const auto priority = fits(project, filename, wheel.filename);
        if (!priority)
        {
            return;
        }
        if (wheel.yanked && !pinned[project.name].contains(version.to_string()))
        {
            project.set_aside.push_back(
                {filename, version,
                 "it is yanked (PEP 592" + (wheel.yanked->empty() ? "" : ": " + *wheel.yanked) +
                     "); pin its version with == to use it"});
            return;
        }
        // The index's data-requires-python spares fetching the metadata of a wheel that cannot
        // fit; an unparsable value is ignored, as pip does (METADATA is checked below anyway).
        if (wheel.requires_python)
        {
            const auto specifier = python::SpecifierSet::parse(*wheel.requires_python);
            if (specifier && !specifier->contains(python_version, python::PreReleases::allow))
            {
                project.set_aside.push_back({filename, version,
                                             "it requires Python " + specifier->to_string() +
                                                 ", the target is " + python_version.to_string()});
                return;
            }
        }
        auto metadata = source->metadata(wheel);
        if (!metadata)
        {
            failure = std::move(metadata.error());
            return;
        }
        const std::string where = wheel.url;
        accept(project, {project.name, {}, version, {}, filename, std::move(wheel), *priority,
                         build, std::move(*metadata)},
               where);
    }

    // The checks every wheel's METADATA gets, wherever it came from.
    void accept(Project& project, Candidate candidate, const std::string& where)
    {
        const WheelMetadata& metadata = candidate.metadata;
        const auto metadata_version = python::Version::parse(metadata.version);
        if (!metadata_version)
        {
            const std::string reason = "its METADATA Version '" + metadata.version +
                                       "' is not a valid version (PEP 440): " +
                                       metadata_version.error().message;
            universe.warnings.push_back(where + ": " + reason + "; wheel ignored");
            project.set_aside.push_back({candidate.filename, candidate.version, reason});
            return;
        }
        if (python::normalize_name(metadata.name) != project.name ||
            *metadata_version != candidate.version)
        {
            project.set_aside.push_back({candidate.filename, candidate.version,
                                         "its METADATA says " + metadata.name + " " +
                                             metadata.version + ", not what the file name says"});
            return;
        }
        if (metadata.requires_python &&
            !metadata.requires_python->contains(python_version, python::PreReleases::allow))
        {
            project.set_aside.push_back({candidate.filename, candidate.version,
                                         "it requires Python " +
                                             metadata.requires_python->to_string() +
                                             ", the target is " + python_version.to_string()});
            return;
        }
        for (const auto& requirement : metadata.requires_dist)
        {
            if (!requirement.marker || requirement.marker->evaluate(target.markers, {}) ||
                requirement.marker->mentions_extra())
            {
                want(requirement);
            }
        }
        candidate.display_name = metadata.name;
        project.candidates.push_back(std::move(candidate));
    }
};

} // namespace

Expected<Universe> collect_candidates(const Wheelhouse& house,
                                      const std::vector<python::Requirement>& roots,
                                      const python::InterpreterFacts& target,
                                      const util::CacheStore& cache, WheelSource* source,
                                      const std::map<std::string, python::Version>& keep,
                                      SdistBuilder* builder)
{
    const std::string full_version = std::to_string(target.major) + "." +
                                     std::to_string(target.minor) + "." +
                                     std::to_string(target.micro);
    auto python_version = python::Version::parse(full_version);
    if (!python_version)
    {
        return fail("the target interpreter's version " + full_version + " is not a version");
    }
    Collector collector(house, target, *python_version, cache, source, keep, builder);
    for (const auto& requirement : roots)
    {
        collector.want(requirement);
    }
    while (!collector.pending.empty())
    {
        const std::string name = collector.pending.front();
        collector.pending.pop_front();
        collector.load(collector.universe.projects.at(name));
        if (collector.failure)
        {
            return std::unexpected(std::move(*collector.failure));
        }
    }
    return std::move(collector.universe);
}

} // namespace pydeb::resolve
