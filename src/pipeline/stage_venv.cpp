#include "pipeline/stage_venv.hpp"

#include "install/bundle.hpp"
#include "install/install_stage.hpp"


namespace pydeb::pipeline
{

StageVenvOptions default_stage_venv_options(const Prepared& prepared,
                                            const std::filesystem::path& root)
{
    const auto scratch = std::filesystem::weakly_canonical(prepared.scratch.path());
    const auto relative = std::filesystem::weakly_canonical(root).lexically_relative(scratch);
    const bool private_root = !relative.empty() && *relative.begin() != "..";
    return {prepared.cache.directory(util::CacheKind::wheels),
            private_root ? install::LinkMode::hardlink : install::LinkMode::copy};
}

Expected<std::vector<install::CachedWheelFiles>> stage_venv(const Prepared& prepared,
                                                            const resolve::Resolution& resolution,
                                                            const std::filesystem::path& root)
{
    return stage_venv(prepared, prepared.facts, resolution, root);
}

Expected<std::vector<install::CachedWheelFiles>>
stage_venv(const Prepared& prepared, const python::InterpreterFacts& python,
           const resolve::Resolution& resolution, const std::filesystem::path& root)
{
    return stage_venv(prepared, python, resolution, root,
                      default_stage_venv_options(prepared, root));
}

spec::Bytecode venv_bytecode(const spec::Spec& spec, const python::InterpreterFacts& python)
{
    if (python.source == python::FactsSource::release_packages &&
        spec.bytecode == spec::Bytecode::build)
    {
        return spec::Bytecode::install;
    }
    return spec.bytecode;
}

Expected<std::vector<install::CachedWheelFiles>>
stage_venv(const Prepared& prepared, const python::InterpreterFacts& python,
           const resolve::Resolution& resolution, const std::filesystem::path& root,
           const StageVenvOptions& options)
{
    const spec::Spec& spec = prepared.spec;
    install::InstallRequest request;
    request.stage_root = root;
    request.prefix = spec.prefix;
    request.interpreter = python;
    request.spares = prepared.spares.get();
    for (const auto& wheel : resolution.wheels)
    {
        // The project's own wheel is rebuilt on every run: caching it would add an entry each time.
        const bool project = prepared.project_wheel && prepared.project_wheel->path == wheel.path;
        // A wheel built from an sdist: the resolution's sha256 is the sdist's, not the wheel's.
        const bool built = !wheel.filename.ends_with(".whl");
        request.wheels.push_back(
            {wheel.path, built ? std::string() : wheel.sha256,
             project ? install::WheelCaching::skip : install::WheelCaching::store});
    }
    request.bytecode = venv_bytecode(spec, python);
    request.strip = spec.strip;
    request.entry_points = spec.entry_points;
    request.cache = options.wheel_cache;
    request.link_mode = options.link_mode;
    request.progress = prepared.progress;
    install::InstallReport report = PYDEB_TRY(install::install_stage(request));
    if (prepared.bundle)
    {
        PYDEB_TRY(install::place_bundle(prepared.bundle->root, root, bundle_prefix(spec),
                                        options.link_mode));
    }
    for (const auto& warning : report.warnings)
    {
        util::warn(prepared.progress, warning);
    }
    return std::move(report.cached_files);
}

std::string bytecode_name(const spec::Spec& spec)
{
    switch (spec.bytecode)
    {
    case spec::Bytecode::build:
        return "build";
    case spec::Bytecode::install:
        return "install";
    case spec::Bytecode::none:
        return "none";
    }
    return "build";
}

} // namespace pydeb::pipeline
