// resolve_locked: the locked wheels, verified, instead of a new resolution.
#include "resolve/candidates.hpp"
#include "resolve/lock.hpp"
#include "resolve/model.hpp"
#include "python/sdist_filename.hpp"
#include "resolve/wheelhouse.hpp"
#include "util/strings.hpp"

#include <deque>
#include <map>
#include <set>

namespace pydeb::resolve
{

namespace
{

// Find each locked file, check its digest, and keep only those files: the universe built from
// them has at most one candidate per name.
Wheelhouse locked_files(const Lock& lock, const Wheelhouse& house,
                        const std::vector<std::filesystem::path>& wheelhouses,
                        std::vector<std::string>& errors, const util::CacheStore& cache,
                        const std::map<std::string, WheelFile>& built)
{
    std::map<std::string, const WheelFile*> by_filename;
    for (const auto& [name, wheels] : house.wheels)
    {
        for (const WheelFile& wheel : wheels)
        {
            by_filename.try_emplace(wheel.path.filename().string(), &wheel);
        }
    }
    std::vector<std::string> places;
    for (const auto& path : wheelhouses)
    {
        places.push_back(path.string());
    }
    Wheelhouse kept;
    for (const LockedWheel& locked : lock.wheels)
    {
        if (python::sdist_format(locked.filename))
        {
            // Checked when it was fetched or found, and built (build_locked_sdists).
            if (const auto wheel = built.find(locked.filename); wheel != built.end())
            {
                kept.wheels[locked.name].push_back(wheel->second);
            }
            continue;
        }
        const auto it = by_filename.find(locked.filename);
        if (it == by_filename.end())
        {
            errors.push_back(
                locked.filename + " (" + locked.name + " " + locked.version.to_string() +
                ") is locked but not in the wheelhouse (" + util::join(places, ", ") + ")");
            continue;
        }
        const WheelFile& wheel = *it->second;
        const auto digest = wheel_sha256(cache, wheel.path);
        if (!digest)
        {
            errors.push_back(digest.error().message);
            continue;
        }
        if (const std::string& actual = *digest; actual != locked.sha256)
        {
            errors.push_back(wheel.path.string() + " changed since it was locked: its sha256 is " +
                             actual + ", the lock says " + locked.sha256);
            continue;
        }
        if (wheel.filename.normalized_name() != locked.name ||
            wheel.filename.version != locked.version)
        {
            errors.push_back(locked.filename + " is not " + locked.name + " " +
                             locked.version.to_string() + " as the lock says");
            continue;
        }
        kept.wheels[locked.name].push_back(wheel);
    }
    return kept;
}

// The wheels locked with a URL, fetched (exactly those files, checked against the locked sha256)
// and added to the wheelhouse the lock is checked against.
Expected<void> fetch_locked(const Lock& lock, WheelSource* source, Wheelhouse& house)
{
    std::vector<RemoteWheel> remote;
    for (const LockedWheel& locked : lock.wheels)
    {
        if (locked.url.empty() || python::sdist_format(locked.filename))
        {
            continue;
        }
        auto filename = python::WheelFilename::parse(locked.filename);
        if (!filename)
        {
            return fail(locked.filename + ": " + filename.error().message);
        }
        if (source == nullptr)
        {
            return fail(locked.filename + " is locked from " + locked.url +
                        " but the spec names no index (install.indexes)");
        }
        remote.push_back({locked.filename, std::move(*filename), locked.url, locked.sha256, {}, {},
                          false, {}});
    }
    if (remote.empty())
    {
        return {};
    }
    const auto fetched = PYDEB_TRY(source->fetch(remote));
    for (std::size_t i = 0; i < remote.size(); ++i)
    {
        house.wheels[remote[i].filename.normalized_name()].push_back(
            {fetched[i].path, remote[i].filename});
    }
    return {};
}

// The locked sdists, each fetched (or found in a wheelhouse) with its locked sha256 checked, and
// built (or taken from the built-wheels cache): their wheels by the sdist's file name. Problems
// that are about the lock go to `errors`; a failed build is the error.
Expected<std::map<std::string, WheelFile>>
build_locked_sdists(const Lock& lock, const Wheelhouse& house, WheelSource* source,
                    SdistBuilder* builder, const util::CacheStore& cache,
                    std::vector<std::string>& errors)
{
    std::map<std::string, WheelFile> built;
    for (const LockedWheel& locked : lock.wheels)
    {
        if (!python::sdist_format(locked.filename))
        {
            continue;
        }
        const auto parsed = python::parse_sdist_filename(locked.filename, locked.name);
        if (!parsed || parsed->version != locked.version)
        {
            errors.push_back(locked.filename + " is not " + locked.name + " " +
                             locked.version.to_string() + " as the lock says");
            continue;
        }
        if (builder == nullptr)
        {
            errors.push_back(locked.filename + " is locked as an sdist, and install.only-binary "
                                               "is set, so it is not built; supply a wheel of " +
                             locked.name + " " + locked.version.to_string() + " and lock again");
            continue;
        }
        SdistToBuild build{{}, locked.filename, {}, locked.sha256, locked.name, locked.version};
        if (!locked.url.empty())
        {
            if (source == nullptr)
            {
                return fail(locked.filename + " is locked from " + locked.url +
                            " but the spec names no index (install.indexes)");
            }
            const auto fetched = PYDEB_TRY(source->fetch_sdist(
                {locked.filename, locked.name, locked.version, locked.url, locked.sha256, {}, {}}));
            build.path = fetched.path;
            build.where = locked.url;
        }
        else
        {
            const auto local = house.sdists.find(locked.name);
            if (local != house.sdists.end())
            {
                for (const SdistFile& sdist : local->second)
                {
                    if (sdist.path.filename() == locked.filename)
                    {
                        build.path = sdist.path;
                    }
                }
            }
            if (build.path.empty())
            {
                errors.push_back(locked.filename + " (" + locked.name + " " +
                                 locked.version.to_string() +
                                 ") is locked but not in the wheelhouse");
                continue;
            }
            build.where = build.path.string();
            const std::string actual = PYDEB_TRY(wheel_sha256(cache, build.path));
            if (actual != locked.sha256)
            {
                errors.push_back(build.where + " changed since it was locked: its sha256 is " +
                                 actual + ", the lock says " + locked.sha256);
                continue;
            }
        }
        const auto wheel = PYDEB_TRY(builder->build(build));
        auto filename = PYDEB_TRY(python::WheelFilename::parse(wheel.filename().string()));
        built.emplace(locked.filename, WheelFile{wheel, std::move(filename)});
    }
    return built;
}

struct Walk
{
    const Universe& universe;
    const python::MarkerEnvironment& env;
    std::vector<std::string>& errors;
    std::set<std::pair<std::string, std::string>> visited; // (name, extra)
    std::deque<std::pair<const Candidate*, std::string>> pending;

    const Candidate* locked(const std::string& name) const
    {
        const auto it = universe.projects.find(name);
        return it == universe.projects.end() || it->second.candidates.empty()
                   ? nullptr
                   : &it->second.candidates.front();
    }

    void edge(const std::string& who, const python::Requirement& requirement)
    {
        const std::string name = requirement.normalized_name();
        const std::string text = name + requirement.specifier.to_string();
        const std::string lhs = who.empty() ? text + " was requested" : who + " requires " + text;
        const Candidate* candidate = locked(name);
        if (candidate == nullptr)
        {
            errors.push_back(lhs + ", but the lock has no usable " + name);
            return;
        }
        if (!requirement.specifier.contains(candidate->version, python::PreReleases::allow))
        {
            errors.push_back(lhs + ", but the lock has " + name + " " +
                             candidate->version.to_string());
            return;
        }
        visit(candidate, {});
        for (const std::string& extra : requirement.extras)
        {
            visit(candidate, extra);
        }
    }

    void visit(const Candidate* candidate, const std::string& extra)
    {
        if (visited.insert({candidate->name, extra}).second)
        {
            pending.emplace_back(candidate, extra);
        }
    }

    void run()
    {
        while (!pending.empty())
        {
            const auto [candidate, extra] = pending.front();
            pending.pop_front();
            const std::string who =
                target_name(candidate->name, extra) + " " + candidate->version.to_string();
            for (const auto* requirement : applicable_requirements(
                     candidate->metadata, env,
                     extra.empty() ? ExtraScope::base : ExtraScope::only_extra, extra))
            {
                edge(who, *requirement);
            }
        }
    }
};

} // namespace

Expected<Resolution> resolve_locked(const Lock& lock,
                                    const std::vector<std::filesystem::path>& wheelhouses,
                                    const python::InterpreterFacts& target,
                                    const util::CacheStore& cache, WheelSource* source,
                                    SdistBuilder* builder)
{
    Wheelhouse house = PYDEB_TRY(scan_wheelhouses(wheelhouses));
    PYDEB_TRY(fetch_locked(lock, source, house));
    std::vector<std::string> errors;
    const auto built =
        PYDEB_TRY(build_locked_sdists(lock, house, source, builder, cache, errors));
    const Wheelhouse kept = locked_files(lock, house, wheelhouses, errors, cache, built);
    const auto roots = applicable_roots(lock.requirements, target.markers);
    const Universe universe = PYDEB_TRY(collect_candidates(kept, roots, target, cache));
    for (const auto& [name, project] : universe.projects)
    {
        for (const SetAside& aside : project.set_aside)
        {
            errors.push_back(aside.filename + " is locked, but " + aside.reason);
        }
    }
    Walk walk{universe, target.markers, errors, {}, {}};
    for (const auto& requirement : roots)
    {
        walk.edge({}, requirement);
    }
    walk.run();
    Resolution resolution;
    for (const LockedWheel& wheel : lock.wheels)
    {
        const Candidate* candidate = walk.locked(wheel.name);
        if (candidate == nullptr && kept.wheels.contains(wheel.name) &&
            universe.projects.contains(wheel.name))
        {
            continue; // set aside, reported above
        }
        if (!kept.wheels.contains(wheel.name))
        {
            continue; // missing or changed, reported above
        }
        if (candidate == nullptr || !walk.visited.contains({wheel.name, std::string()}))
        {
            errors.push_back(wheel.name + " " + wheel.version.to_string() +
                             " is locked, but nothing requires it any more");
            continue;
        }
        resolution.wheels.push_back({candidate->name, candidate->display_name, candidate->version,
                                     candidate->path, wheel.filename, wheel.sha256, wheel.url});
    }
    if (!errors.empty())
    {
        return fail("the locked wheels do not fit any more:\n  " + util::join(errors, "\n  ") +
                    "\nresolve again (pydeb lock) if the change is intended");
    }
    return resolution;
}

} // namespace pydeb::resolve
