#include "pipeline/python_stage.hpp"

#include "package/contents.hpp"
#include "pipeline/entry_facts.hpp"
#include "pipeline/lockfile_stage.hpp"
#include "pipeline/stage_files.hpp"
#include "pipeline/stage_venv.hpp"

#include <algorithm>
#include <iterator>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

std::vector<PythonStage> python_stages(const Prepared& prepared,
                                       const std::vector<TargetBuild>& builds)
{
    std::vector<PythonStage> stages;
    for (std::size_t i = 0; i < builds.size(); ++i)
    {
        const python::InterpreterFacts& python = build_python(prepared, builds[i]);
        auto it = std::ranges::find_if(
            stages, [&](const PythonStage& stage)
            { return stage.python.python_version() == python.python_version(); });
        if (it == stages.end())
        {
            stages.push_back({python, {}, {}, {}, {}});
            it = std::prev(stages.end());
        }
        it->builds.push_back(i);
    }
    return stages;
}

Expected<void> stage_python(const Prepared& prepared, const std::vector<TargetBuild>& builds,
                            PythonStage& stage, const fs::path& root, std::int64_t started,
                            Collect collect)
{
    const spec::Spec& spec = prepared.spec;
    util::Progress& progress = *prepared.progress;
    std::string targets;
    for (const std::size_t i : stage.builds)
    {
        targets += (targets.empty() ? "" : ", ") + builds[i].name;
    }
    const bool own = stage.python.source == python::FactsSource::release_packages;
    const std::string where = own ? builds[stage.builds.front()].where + ": target " + targets +
                                        ": Python " + stage.python.markers.python_full_version +
                                        " (" + stage.python.executable + " in its Packages)"
                                  : "";
    const auto with_where = [&](Error error)
    { return own ? context(where, std::move(error)) : std::move(error); };
    progress.start("resolve");
    if (own)
    {
        progress.detail("for Python " + stage.python.markers.python_full_version + " of " +
                        targets);
    }
    auto resolution = resolve_or_lock(prepared, stage.python);
    if (!resolution)
    {
        return std::unexpected(with_where(std::move(resolution.error())));
    }
    stage.resolution = std::move(*resolution);
    progress.set(util::Count::wheels, stage.resolution.wheels.size());
    for (const auto& wheel : stage.resolution.wheels)
    {
        progress.detail(wheel.name + " " + wheel.version.to_string() + " (" +
                        wheel.path.filename().string() + ")");
    }
    progress.start("install");
    auto from_cache = stage_venv(prepared, stage.python, stage.resolution, root);
    if (!from_cache)
    {
        return std::unexpected(with_where(std::move(from_cache.error())));
    }
    PYDEB_TRY(stage_extra_files(spec, root));
    if (collect == Collect::no)
    {
        stage.staged = PYDEB_TRY(scan_stage(root));
        return {};
    }
    progress.start("collect");
    package::PackageInfo& info = stage.info;
    info = PYDEB_TRY(package_info(spec, stage.python));
    info.source_date_epoch =
        info.source_date_epoch.value_or(inputs_epoch(prepared, stage.resolution));
    info.entries = PYDEB_TRY(package::collect_entries(root, config_paths(spec)));
    mark_cached_entries(info.entries, *from_cache, started);
    stage.staged = PYDEB_TRY(scan_stage(root, info.entries, *from_cache));
    return {};
}

fs::path stage_root(const Prepared& prepared, const std::vector<PythonStage>& stages,
                    const PythonStage& stage)
{
    return prepared.scratch.path() /
           (&stage == &stages.front() ? "root" : "root-python" + stage.python.python_version());
}

} // namespace pydeb::pipeline
