#include "pipeline/lockfile_stage.hpp"

#include "resolve/lock.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

Expected<resolve::Resolution> resolve_fresh(const Prepared& prepared)
{
    resolve::ResolveRequest request;
    request.requirements = prepared.requirements;
    request.wheelhouses = prepared.spec.wheelhouses;
    request.target = prepared.facts;
    request.cache = prepared.cache;
    return resolve::resolve(request);
}

std::vector<std::string> texts(const std::vector<python::Requirement>& requirements)
{
    std::vector<std::string> out;
    for (const auto& requirement : requirements)
    {
        out.push_back(requirement.to_string());
    }
    return out;
}

} // namespace

Expected<resolve::Resolution> resolve_or_lock(const Prepared& prepared)
{
    const fs::path& lockfile = prepared.spec.lockfile;
    resolve::Resolution resolution;
    if (fs::exists(lockfile))
    {
        const resolve::Lock lock = PYDEB_TRY(resolve::read_lock(lockfile));
        if (texts(lock.requirements) != texts(prepared.requirements))
        {
            return fail(lockfile.string() +
                        ": the lock was made for other requirements than the spec's now; run "
                        "'pydeb lock " + prepared.spec.file.string() + "' to update it");
        }
        resolution = PYDEB_TRY(resolve::resolve_locked(lock, prepared.spec.wheelhouses, prepared.facts,
                                                           prepared.cache));
    }
    else
    {
        resolution = PYDEB_TRY(resolve_fresh(prepared));
    }
    for (const auto& warning : resolution.warnings)
    {
        util::warn(prepared.progress, warning);
    }
    if (prepared.project_wheel)
    {
        resolution.wheels.push_back(*prepared.project_wheel);
        std::ranges::sort(resolution.wheels, {}, &resolve::ResolvedWheel::name);
    }
    return resolution;
}

Expected<void> write_lock(const Prepared& prepared, const fs::path& path)
{
    const resolve::Resolution resolution = PYDEB_TRY(resolve_fresh(prepared));
    return resolve::write_lock(path, resolve::make_lock(prepared.requirements, resolution));
}

} // namespace pydeb::pipeline
