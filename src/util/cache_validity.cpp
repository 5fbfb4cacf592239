#include "util/cache_validity.hpp"


#include <ctime>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace pydeb::util
{

namespace
{

// Far above any filesystem's timestamp granularity, small enough that a rebuild right after
// `apt update` only misses the cache once.
constexpr long k_racy_seconds = 2;

enum class RacyClock
{
    mtime,
    ctime, // for content memos: any write sets it, and nothing sets it back
};

// stat(2) of `path` when its identity is stable (the clock not changed in the last k_racy_seconds).
std::optional<struct stat> stable_stat(const fs::path& path, RacyClock clock)
{
    struct stat st = {};
    if (::stat(path.c_str(), &st) != 0)
    {
        return std::nullopt;
    }
    struct timespec now = {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const auto changed = clock == RacyClock::mtime ? st.st_mtim.tv_sec : st.st_ctim.tv_sec;
    if (now.tv_sec - changed < k_racy_seconds)
    {
        return std::nullopt;
    }
    return st;
}

std::string identity_text(const fs::path& path, const struct stat& st)
{
    return path.string() + " " + std::to_string(st.st_size) + " " +
           std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " " +
           std::to_string(st.st_dev) + " " + std::to_string(st.st_ino);
}

std::optional<std::string> content_identity(const fs::path& path)
{
    const auto st = stable_stat(path, RacyClock::ctime);
    if (!st)
    {
        return std::nullopt;
    }
    return identity_text(path, *st) + " " + std::to_string(st->st_ctim.tv_sec) + "." +
           std::to_string(st->st_ctim.tv_nsec);
}

} // namespace

std::optional<std::string> stable_identity(const fs::path& path)
{
    const auto st = stable_stat(path, RacyClock::mtime);
    return st ? std::optional(identity_text(path, *st)) : std::nullopt;
}

Expected<std::string>
memoize_file_answer(const CacheStore& cache, CacheKind kind, const fs::path& path,
                    const std::function<Expected<std::string>(const fs::path&)>& compute)
{
    const auto before = cache.enabled() ? content_identity(fs::absolute(path)) : std::nullopt;
    if (!before)
    {
        return compute(path);
    }
    const std::string key = CacheKey("file answer 1").add(*before).hex();
    if (auto answer = cache.load(kind, key))
    {
        return *answer;
    }
    auto answer = PYDEB_TRY(compute(path));
    if (content_identity(fs::absolute(path)) == before)
    {
        cache.store(kind, key, answer);
    }
    return answer;
}

} // namespace pydeb::util
