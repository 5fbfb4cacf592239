#include "install/install_stage.hpp"

#include "install/bytecode.hpp"
#include "install/cached_install.hpp"
#include "install/entry_links.hpp"
#include "util/parallel.hpp"
#include "install/stage_tree.hpp"
#include "install/strip.hpp"
#include "install/venv.hpp"
#include "python/wheel_filename.hpp"
#include "templates/templates.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <fcntl.h>
#include <map>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

// One wheel per distribution: two versions (or two builds) of one project would overwrite each
// other's files. Names that do not parse are left for install_wheel to report.
Expected<void> check_one_wheel_per_distribution(const std::vector<WheelFile>& wheels)
{
    std::map<std::string, fs::path> seen;
    for (const auto& wheel : wheels)
    {
        const auto filename = python::WheelFilename::parse(wheel.path.filename().string());
        if (!filename)
        {
            continue;
        }
        const auto [it, inserted] = seen.emplace(filename->normalized_name(), wheel.path);
        if (!inserted)
        {
            return fail("distribution '" + filename->normalized_name() + "' is requested twice: " +
                        it->second.string() + " and " + wheel.path.string() + "; keep one wheel");
        }
    }
    return {};
}

// Every wheel straight into the stage, in parallel.
Expected<void> install_directly(const Layout& layout, const InstallRequest& request,
                                const WheelInstallContext& context, InstallReport& report)
{
    struct WheelResult
    {
        std::optional<Expected<InstalledDistribution>> outcome;
        std::vector<std::string> warnings;
    };
    std::vector<WheelResult> results(request.wheels.size());
    util::for_each_parallel(request.wheels.size(), request.workers,
                      [&](std::size_t i)
                      {
                          results[i].outcome = install_wheel(layout, request.wheels[i].path,
                                                             context, results[i].warnings);
                          util::count(request.progress, util::Count::wheels);
                      });
    std::vector<std::string> errors;
    for (auto& result : results)
    {
        std::ranges::move(result.warnings, std::back_inserter(report.warnings));
        if (*result.outcome)
        {
            report.distributions.push_back(std::move(**result.outcome));
        }
        else
        {
            errors.push_back(result.outcome->error().message);
        }
    }
    if (!errors.empty())
    {
        return fail(util::join(errors, "\n"));
    }
    return {};
}

// After a direct install: strip, then byte-compile everything in site-packages.
Expected<void> finish_directly(const Layout& layout, const InstallRequest& request,
                               std::vector<std::string>& bytecode_warnings)
{
    if (request.strip == Strip::yes)
    {
        PYDEB_TRY(strip_debug(layout));
    }
    if (request.bytecode == Bytecode::build)
    {
        const auto jobs = python_sources(layout);
        const auto failures = PYDEB_TRY(compile_bytecode(request.interpreter, jobs, request.workers));
        util::count(request.progress, util::Count::files_compiled, jobs.size() - failures.size());
        for (const auto& failure : failures)
        {
            bytecode_warnings.push_back(describe_compile_failure(jobs[failure.job], failure));
        }
    }
    return {};
}

} // namespace

Expected<InstallReport> install_stage(const InstallRequest& request)
{
    if (!request.prefix.is_absolute())
    {
        return fail("the virtualenv prefix must be an absolute path, not '" +
                    request.prefix.string() + "'");
    }
    PYDEB_TRY(check_one_wheel_per_distribution(request.wheels));
    util::count(request.progress, util::Count::wheels_total, request.wheels.size());
    const auto stage_root = fs::absolute(request.stage_root).lexically_normal();
    std::error_code error;
    fs::create_directories(stage_root.parent_path(), error);
    // By create_directory_at, so a spare directory serves (util/files.hpp); create_venv reports
    // what fails here.
    if (const util::Fd parent(
            ::open(stage_root.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        parent)
    {
        const util::Fd made(
            util::create_directory_at(parent.get(), stage_root.filename().c_str(), 0755,
                                      request.spares));
    }
    const auto layout = Layout::make(stage_root, request.prefix, request.interpreter);
    const auto launcher = templates::get("launcher/console_script.py");
    if (!launcher)
    {
        return fail("internal error: the launcher template launcher/console_script.py is missing");
    }
    const python::TagPriority supported(python::compatible_tags(request.interpreter));
    InstallReport report;
    OwnerMap owners;
    const auto venv_files =
        PYDEB_TRY(create_venv(layout, request.interpreter, VenvOptions{request.prompt}));
    claim_venv_files(venv_files, owners);
    const auto cache = request.cache ? WheelCache::open(*request.cache) : std::nullopt;
    const auto through_cache =
        cache ? std::optional<CachedInstall>(
                    CachedInstall{*cache, layout, venv_files, request, supported, *launcher})
              : std::nullopt;
    std::optional<CachedWheels> cached;
    if (through_cache)
    {
        cached = PYDEB_TRY(prepare_cached_wheels(*through_cache));
    }
    std::vector<std::string> bytecode_warnings;
    if (cached)
    {
        PYDEB_TRY(place_cached_wheels(*through_cache, *cached, owners, report, bytecode_warnings));
        PYDEB_TRY(owners.check(report.warnings));
    }
    else
    {
        PYDEB_TRY(install_directly(layout, request, {supported, owners, *launcher}, report));
        PYDEB_TRY(owners.check(report.warnings));
        PYDEB_TRY(finish_directly(layout, request, bytecode_warnings));
    }
    // One warning per file, in path order, however the files were compiled (two wheels may ship
    // the same file).
    std::ranges::sort(bytecode_warnings);
    const auto [first, last] = std::ranges::unique(bytecode_warnings);
    bytecode_warnings.erase(first, last);
    std::ranges::move(bytecode_warnings, std::back_inserter(report.warnings));
    PYDEB_TRY(link_entry_points(stage_root, request.prefix, request.entry_points, layout.scripts));
    return report;
}

} // namespace pydeb::install
