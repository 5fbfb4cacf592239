// Where pydeb keeps its caches: $XDG_CACHE_HOME/pydeb, else $HOME/.cache/pydeb (XDG Base
// Directory Specification). Every cache is an optimisation: a missing or unwritable cache
// directory never fails a command, it only makes it slower.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace pydeb::util
{

enum class CachePolicy
{
    use,
    bypass, // `--no-cache`: cache_directory() answers nullopt, so nothing is read or written
};

// Process-wide, set once by the command line before any stage runs.
void set_cache_policy(CachePolicy policy);

// CACHE_HOME/pydeb/<kind> (e.g. "solv", "wheels", "interpreters"), or nullopt when neither
// XDG_CACHE_HOME (absolute) nor HOME is set, or the policy is bypass. The directory is not created here.
[[nodiscard]] std::optional<std::filesystem::path> cache_directory(std::string_view kind);

} // namespace pydeb::util
