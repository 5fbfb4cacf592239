#include "install/cache/cached_install.hpp"

#include "install/bytecode.hpp"
#include "install/cache/cache_key.hpp"
#include "install/cache/materialize.hpp"
#include "util/parallel.hpp"
#include "install/wheel/stage_tree.hpp"
#include "install/strip.hpp"
#include "install/venv.hpp"
#include "util/cache_store.hpp"
#include "util/hash.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

// One wheel the cache did not have, being installed into a scratch directory.
struct Fresh
{
    std::size_t index = 0;
    std::string key;
    CacheScratch scratch;
    Layout layout;
    OwnerMap owners; // its own: the entry records this wheel's claims alone
    std::vector<std::string> warnings;
    std::vector<std::string> bytecode_warnings;
    std::string distribution;
    std::string version;
};

std::string where(const WheelFile& wheel)
{
    return wheel.path.string() + ": ";
}

Expected<std::string> key_of(const CachedInstall& install, const WheelFile& wheel)
{
    auto sha256 = wheel.sha256;
    if (sha256.empty())
    {
        sha256 =
            util::to_hex(PYDEB_TRY(util::digest_file(util::HashAlgorithm::sha256, wheel.path)));
    }
    const auto& request = install.request;
    return wheel_cache_key({sha256, wheel.path.filename().string(), request.prefix,
                            request.interpreter, request.bytecode, request.strip,
                            install.launcher_template});
}

// Install into a scratch directory that has the venv's symlinks, with the venv's files claimed
// (not written), so a wheel writing through lib64, over bin/python3 or over bin/activate fails
// here as in the stage, and is never cached.
Expected<std::unique_ptr<Fresh>> install_fresh(const CachedInstall& install, std::size_t index,
                                               std::string key)
{
    const auto& request = install.request;
    auto scratch = PYDEB_TRY(install.cache.make_scratch());
    auto layout = Layout::make(scratch.stage(), request.prefix, request.interpreter);
    auto fresh = std::make_unique<Fresh>(index, std::move(key), std::move(scratch), layout);
    std::error_code error;
    fs::create_directories(layout.stage_root, error);
    auto tree = PYDEB_TRY(StageTree::open(layout.stage_root));
    for (const auto& link : venv_links(layout, request.interpreter))
    {
        PYDEB_TRY(tree.make_symlink(layout.stage_relative(link.path), link.target));
    }
    claim_venv_files(install.venv_files, fresh->owners);
    const WheelInstallContext context{install.supported, fresh->owners, install.launcher_template};
    const auto installed =
        PYDEB_TRY(install_wheel(layout, request.wheels[index].path, context, fresh->warnings));
    std::vector<std::string> ignored; // the stage's OwnerMap::check gives them, on every install
    PYDEB_TRY(fresh->owners.check(ignored));
    fresh->distribution = installed.name;
    fresh->version = installed.version;
    return fresh;
}

// What a fresh install does after the wheels, once for all new entries.
Expected<void> strip_and_compile(const InstallRequest& request,
                                 std::vector<std::unique_ptr<Fresh>>& fresh)
{
    if (request.strip == Strip::yes)
    {
        std::vector<std::vector<fs::path>> elf(fresh.size());
        std::vector<fs::path> all;
        for (std::size_t i = 0; i < fresh.size(); ++i)
        {
            elf[i] = PYDEB_TRY(find_elf_files(fresh[i]->layout));
            all.insert(all.end(), elf[i].begin(), elf[i].end());
        }
        PYDEB_TRY(strip_files(all));
        for (std::size_t i = 0; i < fresh.size(); ++i)
        {
            PYDEB_TRY(refresh_records(fresh[i]->layout, elf[i]));
        }
    }
    if (request.bytecode == Bytecode::build)
    {
        std::vector<CompileJob> jobs;
        std::vector<std::size_t> owner; // jobs[j] belongs to fresh[owner[j]]
        for (std::size_t i = 0; i < fresh.size(); ++i)
        {
            for (auto& job : python_sources(fresh[i]->layout))
            {
                jobs.push_back(std::move(job));
                owner.push_back(i);
            }
        }
        const auto failures = PYDEB_TRY(compile_bytecode(request.interpreter, jobs, request.workers));
        util::count(request.progress, util::Count::files_compiled, jobs.size() - failures.size());
        for (const auto& failure : failures)
        {
            fresh[owner[failure.job]]->bytecode_warnings.push_back(
                describe_compile_failure(jobs[failure.job], failure));
        }
    }
    return {};
}

CacheManifest manifest_of(const Fresh& fresh, const InstallRequest& request)
{
    CacheManifest manifest{
        fresh.distribution, fresh.version, {}, {}, fresh.bytecode_warnings, {}, {}};
    const auto& wheel = request.wheels[fresh.index];
    for (const auto& warning : fresh.warnings)
    {
        if (warning.starts_with(where(wheel)))
        {
            manifest.wheel_warnings.push_back(warning.substr(where(wheel).size()));
        }
        else
        {
            manifest.other_warnings.push_back(warning);
        }
    }
    const auto prefix = request.prefix.relative_path();
    for (auto& [path, sha256] : fresh.owners.claims_of(wheel.path.filename().string()))
    {
        manifest.claims.push_back(
            {fs::path(path).lexically_relative(prefix).generic_string(), sha256});
    }
    return manifest;
}

// The entry locks of the wheels the cache lacks (util::CacheStore::lock_entry), taken in key order:
// builds that took the same locks in different orders could each hold one the other waits for.
// A build that held a lock has published its entry when it lets go, so each is looked up again;
// a wheel whose lock is not had is installed for this build alone (its caching becomes `skip`).
std::vector<util::FileLock> lock_missing(const WheelCache& cache,
                                         const std::vector<std::string>& keys,
                                         std::vector<std::optional<CacheEntry>>& found,
                                         std::vector<WheelCaching>& caching)
{
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        if (!found[i] && caching[i] == WheelCaching::store)
        {
            missing.push_back(i);
        }
    }
    std::ranges::sort(missing, {}, [&](std::size_t i) -> const std::string& { return keys[i]; });
    std::vector<util::FileLock> locks;
    auto wait = util::CacheStore::k_lock_wait;
    for (std::size_t n = 0; n < missing.size(); ++n)
    {
        const std::size_t i = missing[n];
        if (n > 0 && keys[missing[n - 1]] == keys[i]) // the same wheel twice: one lock
        {
            continue;
        }
        auto lock = util::CacheStore::lock_entry(cache.root(), keys[i], wait);
        if (!lock)
        {
            // A holder that kept one lock past the wait (stopped, or stuck) keeps the others
            // too: they are tried without waiting, so one stuck build costs one wait, not one each.
            wait = std::chrono::milliseconds(0);
            caching[i] = WheelCaching::skip;
            continue;
        }
        found[i] = cache.lookup(keys[i]);
        locks.push_back(std::move(*lock));
    }
    return locks;
}

} // namespace

Expected<CachedWheels> prepare_cached_wheels(const CachedInstall& install)
{
    const auto& wheels = install.request.wheels;
    const bool publish = install.keeping == EntryKeeping::publish;
    std::vector<std::optional<CacheEntry>> found(wheels.size());
    std::vector<std::string> keys(wheels.size());
    std::vector<std::optional<Error>> errors(wheels.size());
    // What each wheel's entry becomes: kept in the cache, or this build's alone (a temporary
    // store, the project's own wheel, or a lock not had in time).
    std::vector<WheelCaching> caching;
    for (const auto& wheel : wheels)
    {
        caching.push_back(publish ? wheel.caching : WheelCaching::skip);
    }
    util::for_each_parallel(wheels.size(), install.request.workers,
                      [&](std::size_t i)
                      {
                          auto key = key_of(install, wheels[i]);
                          if (!key)
                          {
                              errors[i] = context(wheels[i].path.string(), key.error());
                              return;
                          }
                          keys[i] = std::move(*key);
                          if (caching[i] == WheelCaching::store)
                          {
                              found[i] = install.cache.lookup(keys[i]);
                          }
                      });
    const auto locks = publish ? lock_missing(install.cache, keys, found, caching)
                               : std::vector<util::FileLock>{};
    std::vector<std::unique_ptr<Fresh>> fresh_by_index(wheels.size());
    util::for_each_parallel(wheels.size(), install.request.workers,
                      [&](std::size_t i)
                      {
                          if (found[i] || errors[i])
                          {
                              return;
                          }
                          auto fresh = install_fresh(install, i, keys[i]);
                          if (!fresh)
                          {
                              errors[i] = std::move(fresh).error();
                              return;
                          }
                          fresh_by_index[i] = std::move(*fresh);
                      });
    std::vector<std::string> messages;
    for (auto& error : errors)
    {
        if (error)
        {
            messages.push_back(std::move(error->message));
        }
    }
    if (!messages.empty())
    {
        return fail(util::join(messages, "\n"));
    }
    std::vector<std::unique_ptr<Fresh>> fresh;
    for (auto& slot : fresh_by_index)
    {
        if (slot)
        {
            fresh.push_back(std::move(slot));
        }
    }
    PYDEB_TRY(strip_and_compile(install.request, fresh));
    CachedWheels result;
    for (auto& entry : fresh)
    {
        auto sealed = PYDEB_TRY(WheelCache::seal(
            entry->scratch, install.request.prefix, manifest_of(*entry, install.request),
            publish ? FileDigests::record : FileDigests::skip));
        found[entry->index] = caching[entry->index] == WheelCaching::store
                                  ? install.cache.publish(entry->key, entry->scratch, std::move(sealed))
                                  : std::move(sealed);
        result.scratches.push_back(std::move(entry->scratch));
    }
    for (auto& entry : found)
    {
        result.entries.push_back(std::move(*entry));
    }
    return result;
}

Expected<void> place_cached_wheels(const CachedInstall& install, const CachedWheels& wheels,
                                   OwnerMap& owners, InstallReport& report,
                                   std::vector<std::string>& bytecode_warnings)
{
    const auto& request = install.request;
    std::vector<std::optional<Error>> errors(wheels.entries.size());
    std::vector<PlacedFiles> placed(wheels.entries.size());
    std::vector<MaterializeRequest> requests;
    std::vector<std::vector<OwnerMap::Claim>> claims;
    for (std::size_t i = 0; i < wheels.entries.size(); ++i)
    {
        const auto& wheel = request.wheels[i];
        // A temporary store's files are removed after the build, so the stage may always take
        // them by hard link: nothing else will ever read them.
        const LinkMode link =
            install.keeping == EntryKeeping::build_only ? LinkMode::hardlink : request.link_mode;
        requests.push_back({wheels.entries[i], install.stage, wheel.path.filename().string(),
                            wheel.path.string(), request.interpreter.cache_tag, link,
                            request.spares});
        // In request order, so which wheel writes a shared path never depends on the threads.
        claims.push_back(claim_entry(requests.back(), owners));
    }
    util::for_each_parallel(wheels.entries.size(), request.workers,
                            [&](std::size_t i)
                            {
                                auto files = place_entry(requests[i], claims[i]);
                                if (!files)
                                {
                                    errors[i] = files.error();
                                    return;
                                }
                                placed[i] = std::move(*files);
                                util::count(request.progress, util::Count::wheels);
                            });
    std::vector<std::string> messages;
    for (std::size_t i = 0; i < wheels.entries.size(); ++i)
    {
        if (errors[i])
        {
            messages.push_back(errors[i]->message);
            continue;
        }
        const auto& entry = wheels.entries[i];
        const auto& manifest = entry.manifest;
        if (!entry.key.empty()) // kept in the cache, not served from a scratch directory
        {
            report.cached_files.push_back(
                {entry.key, std::move(placed[i].files), std::move(placed[i].contents)});
        }
        report.distributions.push_back(
            {manifest.distribution, manifest.version, request.wheels[i].path});
        for (const auto& warning : manifest.wheel_warnings)
        {
            report.warnings.push_back(where(request.wheels[i]) + warning);
        }
        std::ranges::copy(manifest.other_warnings, std::back_inserter(report.warnings));
        std::ranges::copy(manifest.bytecode_warnings, std::back_inserter(bytecode_warnings));
    }
    if (!messages.empty())
    {
        return fail(util::join(messages, "\n"));
    }
    return {};
}

} // namespace pydeb::install
