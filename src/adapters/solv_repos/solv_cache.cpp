#include "adapters/solv_repos/solv_cache.hpp"

#include "adapters/solv_repos/c_ext.hpp"
#include "util/cache_validity.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <chrono>
#include <memory>

namespace fs = std::filesystem;

namespace pydeb::adapters::solv_repos
{

// `<sha256(path)[:16]>-<size>-<mtime>.solv`: a changed source gets a new name, so a stale cache is
// never read (apt replaces lists by rename, which changes the mtime). A source without a stable
// identity (modified in the last two seconds, util/cache_validity.hpp) gets none.
std::optional<fs::path> cache_path(const CacheOptions& cache, const fs::path& source)
{
    std::error_code ec;
    const auto size = fs::file_size(source, ec);
    const auto mtime = fs::last_write_time(source, ec);
    if (cache.directory.empty() || ec || !util::stable_identity(source))
    {
        return std::nullopt;
    }
    const auto key = util::to_hex(util::digest(util::HashAlgorithm::sha256, source.string()));
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::file_clock::to_sys(mtime).time_since_epoch());
    return cache.directory / (key.substr(0, 16) + "-" + std::to_string(size) + "-" +
                              std::to_string(ns.count()) + ".solv");
}

void remember_load(solv::ObjRepoView repo, const std::optional<fs::path>& path)
{
    if (!path)
    {
        return;
    }
    // The marker is the .solv's name with ".seen": the first load leaves it, the second writes
    // the cache (and write_cache's cleanup removes the marker with older versions' files).
    auto marker = *path;
    marker.replace_extension(".seen");
    std::error_code ec;
    if (fs::exists(marker, ec))
    {
        write_cache(repo, path);
        return;
    }
    fs::create_directories(marker.parent_path(), ec);
    if (!ec)
    {
        (void)util::write_file_atomic(marker, "");
    }
}

bool read_cache(solv::ObjRepoView repo, const std::optional<fs::path>& path)
{
    if (!path)
    {
        return false;
    }
    File file(std::fopen(path->c_str(), "rb"));
    return file && repo_add_solv(repo.raw(), file.get(), 0) == 0;
}

// A failed cache write only costs speed next time; it never fails the load.
void write_cache(solv::ObjRepoView repo, const std::optional<fs::path>& path)
{
    std::error_code ec;
    if (!path)
    {
        return;
    }
    fs::create_directories(path->parent_path(), ec);
    if (ec)
    {
        return;
    }
    auto output = util::AtomicOutput::create(*path);
    if (!output)
    {
        return;
    }
    File file(std::fopen(output->temporary_path().c_str(), "wb"));
    if (file && repo_write(repo.raw(), file.get()) == 0 && std::fflush(file.get()) == 0)
    {
        file.reset();
        if (!output->commit())
        {
            return;
        }
        // Drop the caches and markers of earlier versions of the same source (same 16-hex-digit
        // key), and this version's marker.
        const auto prefix = path->filename().string().substr(0, 17);
        for (const auto& entry : fs::directory_iterator(path->parent_path(), ec))
        {
            const auto name = entry.path().filename().string();
            if (name.starts_with(prefix) && entry.path() != *path &&
                (name.ends_with(".solv") || name.ends_with(".seen")))
            {
                fs::remove(entry.path(), ec);
            }
        }
    }
}

} // namespace pydeb::adapters::solv_repos
