// The stage sequence on one page. Each stage is a free function with narrow parameters; this file
// only decides the order and what flows from one stage to the next.
#include "pipeline/run.hpp"

#include "install/environment.hpp"
#include "package/contents.hpp"
#include "package/deb/writer.hpp"
#include "package/rpm/writer.hpp"
#include "pipeline/prepare.hpp"
#include "pipeline/stage_files.hpp"

#include <iostream>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

Error not_built_yet(std::string_view command, std::string_view stage)
{
    return Error{"'pydeb " + std::string(command) + "' is not built yet: it needs the " +
                 std::string(stage) + " stage, which has not landed"};
}

void print_warnings(const std::vector<std::string>& warnings)
{
    for (const auto& warning : warnings)
    {
        std::cerr << "pydeb: warning: " << warning << "\n";
    }
}

// install: the resolved wheels become the venv at its final prefix inside `root`, then the
// spec's extra files are added beside it.
Expected<void> stage(const Prepared& prepared, const resolve::Resolution& resolution,
                     const fs::path& root)
{
    const spec::Spec& spec = prepared.spec;
    install::InstallRequest request;
    request.stage_root = root;
    request.prefix = spec.prefix;
    request.interpreter = prepared.facts;
    for (const auto& wheel : resolution.wheels)
    {
        request.wheels.push_back(wheel.path);
    }
    request.bytecode = spec.bytecode == spec::Bytecode::build     ? install::Bytecode::build
                       : spec.bytecode == spec::Bytecode::install ? install::Bytecode::install
                                                                  : install::Bytecode::none;
    request.strip = spec.strip == spec::Strip::yes ? install::Strip::yes : install::Strip::no;
    request.entry_points = spec.entry_points;
    const install::InstallReport report = PYDEB_TRY(install::install_environment(request));
    print_warnings(report.warnings);
    return stage_extra_files(spec, root);
}

} // namespace

Expected<void> validate(const fs::path& spec_path)
{
    const spec::Spec spec = PYDEB_TRY(spec::load(spec_path));
    std::cout << spec_path.string() << ": ok (" << spec.name << " " << spec.version << "-"
              << spec.release << ", " << spec.requirements.size() << " requirements, venv at "
              << spec.prefix << ")\n";
    return {};
}

Expected<void> resolve(const fs::path& spec_path)
{
    const Prepared prepared = PYDEB_TRY(prepare(spec_path));
    const resolve::Resolution resolution = PYDEB_TRY(resolve_wheels(prepared));
    print_warnings(resolution.warnings);
    for (const auto& wheel : resolution.wheels)
    {
        std::cout << wheel.name << "==" << wheel.version.to_string() << "\n";
    }
    return {};
}

Expected<void> lock(const fs::path& spec_path, const std::optional<fs::path>&)
{
    PYDEB_TRY(spec::load(spec_path));
    return std::unexpected(not_built_yet("lock", "lockfile"));
}

Expected<void> install(const InstallRequest& request)
{
    const Prepared prepared = PYDEB_TRY(prepare(request.spec));
    const resolve::Resolution resolution = PYDEB_TRY(resolve_wheels(prepared));
    print_warnings(resolution.warnings);
    return stage(prepared, resolution, request.root);
}

Expected<void> deps(const fs::path& spec_path)
{
    PYDEB_TRY(spec::load(spec_path));
    return std::unexpected(not_built_yet("deps", "dependency mapper"));
}

Expected<void> build(const BuildRequest& request)
{
    const Prepared prepared = PYDEB_TRY(prepare(request.spec));
    const spec::Spec& spec = prepared.spec;
    const resolve::Resolution resolution = PYDEB_TRY(resolve_wheels(prepared));
    print_warnings(resolution.warnings);

    const fs::path root = prepared.scratch.path() / "root";
    PYDEB_TRY(stage(prepared, resolution, root));

    package::PackageInfo info = PYDEB_TRY(package_info(spec, prepared.facts));
    info.entries = PYDEB_TRY(package::collect_entries(root, config_paths(spec)));

    const std::vector<spec::Format> formats = request.formats.empty() ? spec.formats : request.formats;
    for (const spec::Format format : formats)
    {
        // Each format gets its own copy: the dependency mapper fills format-specific relations.
        const package::PackageInfo& ready = info;
        const fs::path output =
            request.output_dir / (format == spec::Format::deb ? package::deb::conventional_filename(ready)
                                                              : package::rpm::conventional_filename(ready));
        PYDEB_TRY(format == spec::Format::deb ? package::deb::write_package(ready, output)
                                              : package::rpm::write_package(ready, output));
        std::cout << output.string() << "\n";
    }
    return {};
}

} // namespace pydeb::pipeline
