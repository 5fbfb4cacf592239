#include "pipeline/explain.hpp"

#include "explain/report.hpp"
#include "pipeline/lockfile_stage.hpp"
#include "pipeline/map_stage.hpp"
#include "pipeline/stage_venv.hpp"
#include "resolve/metadata.hpp"

#include <iostream>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

Expected<std::vector<explain::DistributionReason>>
distribution_reasons(const Prepared& prepared, const resolve::Resolution& resolution)
{
    std::map<std::string, std::vector<python::Requirement>> requires_dist;
    for (const resolve::ResolvedWheel& wheel : resolution.wheels)
    {
        requires_dist[wheel.name] =
            PYDEB_TRY(resolve::read_wheel_metadata(prepared.cache, wheel.path)).requires_dist;
    }
    const auto edges =
        explain::requirement_edges(prepared.requirements, requires_dist, prepared.facts.markers);
    std::vector<explain::DistributionReason> out;
    for (const resolve::ResolvedWheel& wheel : resolution.wheels)
    {
        out.push_back(
            {wheel.name, wheel.version.to_string(),
             explain::chain_to(edges, wheel.name).value_or(std::vector<explain::Edge>())});
    }
    return out;
}

} // namespace

Expected<void> explain(const ExplainRequest& request, util::Progress& progress)
{
    const spec::Defaults defaults =
        PYDEB_TRY(spec_defaults(request.context, spec::HeaderKeys::required));
    const Prepared prepared =
        PYDEB_TRY(prepare(request.spec, defaults, request.context.cache, progress,
                          request.context.network));
    const resolve::Resolution resolution = PYDEB_TRY(resolve_or_lock(prepared));
    const fs::path root = prepared.scratch.path() / "root";
    PYDEB_TRY(stage_venv(prepared, resolution, root));
    const StagedObjects staged = PYDEB_TRY(scan_stage(root));

    explain::Report report;
    for (const spec::Format format : prepared.spec.formats)
    {
        const depmap::Target target = format;
        const auto mapping = PYDEB_TRY(map_stage(prepared, staged, target));
        auto reasons = explain::system_reasons(mapping, target, prepared.spec.prefix);
        report.system.insert(report.system.end(), reasons.begin(), reasons.end());
    }
    report.distributions = PYDEB_TRY(distribution_reasons(prepared, resolution));
    const fs::path venv = root / fs::path(prepared.spec.prefix).relative_path();
    report.space = PYDEB_TRY(explain::installed_space(
        {venv, prepared.facts.purelib, prepared.facts.cache_tag}));
    if (request.what)
    {
        report = PYDEB_TRY(explain::select(std::move(report), *request.what));
    }
    std::cout << (request.output == ExplainOutput::json ? explain::render_json(report)
                                                        : explain::render_text(report));
    return {};
}

} // namespace pydeb::pipeline
