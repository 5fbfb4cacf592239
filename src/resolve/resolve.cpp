#include "resolve/resolve.hpp"

#include "adapters/solv/solver.hpp"
#include "resolve/candidates.hpp"
#include "resolve/explain.hpp"
#include "resolve/model.hpp"
#include "resolve/wheelhouse.hpp"

#include <algorithm>
#include <exception>

namespace pydeb::resolve
{

namespace solv = adapters::solv;

namespace
{

Expected<void> refuse_urls(const std::vector<python::Requirement>& requirements)
{
    for (const auto& requirement : requirements)
    {
        if (requirement.url)
        {
            return fail("'" + requirement.to_string() +
                        "': direct URL requirements are not supported; put the wheel into a "
                        "wheelhouse and require it by name");
        }
    }
    return {};
}

Expected<std::vector<SolvableId>> solve(Model& model)
{
    try
    {
        solv::ObjSolver solver(model.pool());
        std::vector<solv::Job> jobs;
        for (const SolvableId root : model.roots())
        {
            jobs.push_back(solv::Job::install_solvable(root));
        }
        if (solver.solve(jobs) == 0)
        {
            return solver.installed();
        }
        std::string message = "cannot resolve the requirements with the wheels at hand:";
        for (const std::string& line : explain_problems(model, solver))
        {
            message += "\n  " + line;
        }
        return fail(std::move(message));
    }
    catch (const std::exception& error)
    {
        return fail(std::string("resolver failure: ") + error.what());
    }
}

} // namespace

Expected<Resolution> resolve(const ResolveRequest& request)
{
    PYDEB_TRY(refuse_urls(request.requirements));
    const Wheelhouse house = PYDEB_TRY(scan_wheelhouses(request.wheelhouses));
    const auto roots = applicable_roots(request.requirements, request.target.markers);
    const Universe universe = PYDEB_TRY(
        collect_candidates(house, roots, request.target, request.cache, request.source,
                           request.keep, request.builder));
    Model model(universe, roots, request.target.markers);
    auto solved = solve(model);
    if (!solved && !request.keep.empty())
    {
        ResolveRequest fresh = request; // the kept versions conflict with a changed requirement
        fresh.keep.clear();
        return resolve(fresh);
    }
    if (!solved)
    {
        // The wheels left out before solving (file names that do not parse, metadata that does
        // not read) may be the ones the user meant: name each with its reason.
        std::string message = std::move(solved.error().message);
        if (!universe.warnings.empty())
        {
            message += "\nwheels left out of the resolution:";
            for (const std::string& warning : universe.warnings)
            {
                message += "\n  " + warning;
            }
        }
        return fail(std::move(message));
    }
    const auto installed = std::move(*solved);

    Resolution resolution;
    resolution.warnings = universe.warnings;
    std::vector<const Candidate*> chosen;
    for (const SolvableId id : installed)
    {
        const Node& node = model.node(id);
        if (node.kind == NodeKind::extra &&
            !node.candidate->metadata.provides_extra.contains(node.extra))
        {
            resolution.warnings.push_back(node.candidate->display_name + " " +
                                          node.candidate->version.to_string() +
                                          " does not provide the extra '" + node.extra + "'");
        }
        if (node.kind == NodeKind::wheel)
        {
            chosen.push_back(node.candidate);
        }
    }
    // Only the chosen wheels of an index are downloaded, all at once.
    std::vector<RemoteWheel> remote;
    for (const Candidate* candidate : chosen)
    {
        if (candidate->remote)
        {
            remote.push_back(*candidate->remote);
        }
    }
    std::vector<FetchedWheel> fetched;
    if (!remote.empty())
    {
        fetched = PYDEB_TRY(request.source->fetch(remote));
    }
    auto next = fetched.begin();
    for (const Candidate* candidate : chosen)
    {
        ResolvedWheel wheel{candidate->name, candidate->display_name, candidate->version,
                            candidate->path, candidate->filename, {}, {}};
        if (candidate->sdist)
        {
            wheel.sha256 = candidate->sdist->sha256;
            wheel.url = candidate->sdist->url;
        }
        else if (candidate->remote)
        {
            wheel.path = next->path;
            wheel.sha256 = next->sha256;
            wheel.url = candidate->remote->url;
            ++next;
        }
        else
        {
            wheel.sha256 = PYDEB_TRY(wheel_sha256(request.cache, candidate->path));
        }
        resolution.wheels.push_back(std::move(wheel));
    }
    std::ranges::sort(resolution.wheels, {}, &ResolvedWheel::name);
    return resolution;
}

} // namespace pydeb::resolve
