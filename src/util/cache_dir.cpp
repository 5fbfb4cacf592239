#include "util/cache_dir.hpp"

#include <cstdlib>

namespace pydeb::util
{

std::optional<std::filesystem::path> cache_directory(std::string_view kind)
{
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
