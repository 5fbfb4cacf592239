#include "resolve/candidates.hpp"

#include "python/name.hpp"

#include <algorithm>
#include <deque>

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
              python::Version python_version_, const util::CacheStore& cache_)
        : house(house_), target(target_), cache(cache_), tags(python::compatible_tags(target_)),
          python_version(std::move(python_version_))
    {
        universe.warnings = house.warnings;
    }

    const Wheelhouse& house;
    const python::InterpreterFacts& target;
    const util::CacheStore& cache;
    python::TagPriority tags;
    python::Version python_version;
    Universe universe;
    std::deque<std::string> pending;

    void want(const python::Requirement& requirement)
    {
        const std::string name = requirement.normalized_name();
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
        if (const auto sdists = house.sdists.find(project.name); sdists != house.sdists.end())
        {
            project.sdists = sdists->second;
        }
        const auto wheels = house.wheels.find(project.name);
        if (wheels == house.wheels.end())
        {
            return;
        }
        for (const WheelFile& wheel : wheels->second)
        {
            add(project, wheel);
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
    }

    void add(Project& project, const WheelFile& wheel)
    {
        const std::string filename = wheel.path.filename().string();
        const auto& version = wheel.filename.version;
        const auto priority = tags.best(wheel.filename.tags());
        if (!priority)
        {
            project.set_aside.push_back({filename, version,
                                         "its tags do not fit the target (" + target.abi_tag +
                                             ", " + target.platform + ")"});
            return;
        }
        auto metadata = read_wheel_metadata(cache, wheel.path);
        if (!metadata)
        {
            universe.warnings.push_back(metadata.error().message + "; wheel ignored");
            project.set_aside.push_back(
                {filename, version, "its metadata is unreadable: " + metadata.error().message});
            return;
        }
        const auto metadata_version = python::Version::parse(metadata->version);
        if (!metadata_version)
        {
            const std::string reason = "its METADATA Version '" + metadata->version +
                                       "' is not a valid version (PEP 440): " +
                                       metadata_version.error().message;
            universe.warnings.push_back(wheel.path.string() + ": " + reason + "; wheel ignored");
            project.set_aside.push_back({filename, version, reason});
            return;
        }
        if (python::normalize_name(metadata->name) != project.name || *metadata_version != version)
        {
            project.set_aside.push_back({filename, version,
                                         "its METADATA says " + metadata->name + " " +
                                             metadata->version + ", not what the file name says"});
            return;
        }
        if (metadata->requires_python &&
            !metadata->requires_python->contains(python_version, python::PreReleases::allow))
        {
            project.set_aside.push_back({filename, version,
                                         "it requires Python " +
                                             metadata->requires_python->to_string() +
                                             ", the target is " + python_version.to_string()});
            return;
        }
        for (const auto& requirement : metadata->requires_dist)
        {
            if (!requirement.marker || requirement.marker->evaluate(target.markers, {}) ||
                requirement.marker->mentions_extra())
            {
                want(requirement);
            }
        }
        std::string display = metadata->name;
        project.candidates.push_back({project.name, std::move(display), version, wheel.path,
                                      filename, *priority, wheel.filename.build,
                                      std::move(*metadata)});
    }
};

} // namespace

Expected<Universe> collect_candidates(const Wheelhouse& house,
                                      const std::vector<python::Requirement>& roots,
                                      const python::InterpreterFacts& target,
                                      const util::CacheStore& cache)
{
    const std::string full_version = std::to_string(target.major) + "." +
                                     std::to_string(target.minor) + "." +
                                     std::to_string(target.micro);
    auto python_version = python::Version::parse(full_version);
    if (!python_version)
    {
        return fail("the target interpreter's version " + full_version + " is not a version");
    }
    Collector collector(house, target, *python_version, cache);
    for (const auto& requirement : roots)
    {
        collector.want(requirement);
    }
    while (!collector.pending.empty())
    {
        const std::string name = collector.pending.front();
        collector.pending.pop_front();
        collector.load(collector.universe.projects.at(name));
    }
    return std::move(collector.universe);
}

} // namespace pydeb::resolve
