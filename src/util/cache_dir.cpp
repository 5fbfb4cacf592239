#include "util/cache_dir.hpp"

#include <atomic>
#include <cstdlib>

namespace pydeb::util
{

namespace
{

std::atomic<CachePolicy> g_policy{CachePolicy::use};

} // namespace

void set_cache_policy(CachePolicy policy)
{
    g_policy = policy;
}

std::optional<std::filesystem::path> cache_directory(std::string_view kind)
{
    if (g_policy == CachePolicy::bypass)
    {
        return std::nullopt;
    }
    // The spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
    {
        return std::filesystem::path(xdg) / "pydeb" / kind;
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/')
    {
        return std::filesystem::path(home) / ".cache" / "pydeb" / kind;
    }
    return std::nullopt;
}

} // namespace pydeb::util
