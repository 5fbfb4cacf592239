#include "install/environment.hpp"

#include "install/bytecode.hpp"
#include "install/entry_links.hpp"
#include "install/strip.hpp"
#include "install/venv.hpp"
#include "python/wheel_filename.hpp"
#include "templates/templates.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

struct WheelResult
{
    std::optional<Expected<InstalledDistribution>> outcome;
    std::vector<std::string> warnings;
};

// A small pool of std::jthreads taking wheels from a shared counter: wheels are independent
// except for the owner map, which is thread-safe.
std::vector<WheelResult> install_all(const Layout& layout, const InstallRequest& request,
                                     const WheelInstallContext& context)
{
    std::vector<WheelResult> results(request.wheels.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&]
    {
        for (std::size_t i = next++; i < request.wheels.size(); i = next++)
        {
            results[i].outcome =
                install_wheel(layout, request.wheels[i], context, results[i].warnings);
        }
    };
    const unsigned wanted =
        request.workers != 0 ? request.workers : std::max(2U, std::thread::hardware_concurrency());
    const auto count = std::min<std::size_t>(wanted, request.wheels.size());
    {
        std::vector<std::jthread> pool;
        for (std::size_t i = 1; i < count; ++i)
        {
            pool.emplace_back(work);
        }
        work();
    } // the jthreads join here
    return results;
}

// One wheel per distribution: two versions (or two builds) of one project would overwrite each
// other's files. Names that do not parse are left for install_wheel to report.
Expected<void> check_one_wheel_per_distribution(const std::vector<fs::path>& wheels)
{
    std::map<std::string, fs::path> seen;
    for (const auto& wheel : wheels)
    {
        const auto filename = python::WheelFilename::parse(wheel.filename().string());
        if (!filename)
        {
            continue;
        }
        const auto [it, inserted] = seen.emplace(filename->normalized_name(), wheel);
        if (!inserted)
        {
            return fail("distribution '" + filename->normalized_name() + "' is requested twice: " +
                        it->second.string() + " and " + wheel.string() + "; keep one wheel");
        }
    }
    return {};
}

} // namespace

Expected<InstallReport> install_environment(const InstallRequest& request)
{
    if (!request.prefix.is_absolute())
    {
        return fail("the virtualenv prefix must be an absolute path, not '" +
                    request.prefix.string() + "'");
    }
    PYDEB_TRY(check_one_wheel_per_distribution(request.wheels));
    std::error_code error;
    fs::create_directories(request.stage_root, error);
    const auto stage_root = fs::absolute(request.stage_root).lexically_normal();
    const auto layout = Layout::make(stage_root, request.prefix, request.interpreter);
    InstallReport report;
    OwnerMap owners;
    const auto venv_files =
        PYDEB_TRY(create_venv(layout, request.interpreter, VenvOptions{request.prompt}));
    for (const auto& file : venv_files)
    {
        // Any wheel shipping one of these paths conflicts with the virtualenv itself.
        (void)owners.claim(file, "the virtualenv");
        owners.set_digest(file, "the virtualenv", "virtualenv:" + file.string());
    }
    const auto launcher = templates::get("launcher/console_script.py");
    if (!launcher)
    {
        return fail("internal error: the launcher template launcher/console_script.py is missing");
    }
    const python::TagPriority supported(python::compatible_tags(request.interpreter));
    const WheelInstallContext context{supported, owners, *launcher};
    std::vector<std::string> errors;
    for (auto& result : install_all(layout, request, context))
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
    PYDEB_TRY(owners.check(report.warnings));
    if (request.strip == Strip::yes)
    {
        PYDEB_TRY(strip_debug(layout));
    }
    if (request.bytecode == Bytecode::build)
    {
        PYDEB_TRY(compile_bytecode(layout, request.interpreter, report.warnings));
    }
    PYDEB_TRY(link_entry_points(stage_root, request.prefix, request.entry_points, layout.scripts));
    return report;
}

} // namespace pydeb::install
