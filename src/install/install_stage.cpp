#include "install/install_stage.hpp"

#include "install/cached_install.hpp"
#include "install/entry_links.hpp"
#include "install/venv.hpp"
#include "install/wheel_cache.hpp"
#include "python/wheel_filename.hpp"
#include "templates/templates.hpp"
#include "util/fd.hpp"
#include "util/files.hpp"

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

// A store for one build: a directory beside the stage (one file system, so entries reach the
// stage by hard link), removed with everything in it when the install is done.
struct TemporaryStore
{
    util::TempDir directory;
    WheelCache cache;

    static Expected<TemporaryStore> create(const fs::path& parent, util::SpareDirectories* spares)
    {
        auto directory = PYDEB_TRY(util::TempDir::create(".pydeb-wheels", parent, spares));
        auto cache = WheelCache::open(directory.path());
        if (!cache)
        {
            return fail(directory.path().string() + ": cannot write a temporary wheel store here");
        }
        return TemporaryStore{std::move(directory), std::move(*cache)};
    }
};

// The wheels' entries, placed into the stage: through the cache, or through a temporary store
// when there is no cache, or when making the entries in the cache fails (a full or read-only
// file system): then the build goes on without it, and it is the temporary store's error, if
// any, that is the build's (a broken wheel fails the same way both times).
Expected<void> install_wheels(const Layout& layout, const InstallRequest& request,
                              const std::vector<fs::path>& venv_files,
                              const python::TagPriority& supported, std::string_view launcher,
                              OwnerMap& owners, InstallReport& report,
                              std::vector<std::string>& bytecode_warnings)
{
    const auto place = [&](const CachedInstall& install, const CachedWheels& wheels) -> Expected<void>
    {
        PYDEB_TRY(place_cached_wheels(install, wheels, owners, report, bytecode_warnings));
        return owners.check(report.warnings);
    };
    std::optional<Error> cache_failure;
    if (const auto cache = request.cache ? WheelCache::open(*request.cache) : std::nullopt)
    {
        const CachedInstall install{EntryKeeping::publish, *cache, layout, venv_files, request, supported, launcher};
        auto wheels = prepare_cached_wheels(install);
        if (wheels)
        {
            return place(install, *wheels);
        }
        cache_failure = std::move(wheels).error();
    }
    auto store = PYDEB_TRY(TemporaryStore::create(layout.stage_root.parent_path(), request.spares));
    const CachedInstall install{EntryKeeping::build_only, store.cache, layout, venv_files, request, supported, launcher};
    const auto wheels = PYDEB_TRY(prepare_cached_wheels(install));
    if (cache_failure)
    {
        report.warnings.push_back("the wheel cache " + request.cache->string() +
                                  " could not be used, so this build did without it: " +
                                  cache_failure->message);
    }
    return place(install, wheels);
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
    std::vector<std::string> bytecode_warnings;
    PYDEB_TRY(install_wheels(layout, request, venv_files, supported, *launcher, owners, report,
                             bytecode_warnings));
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
