// `pydeb cache info` and `pydeb cache clean`: the cache store (util/cache_store.hpp) for users.
#pragma once

#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::pipeline
{

// Prints where the cache is, its size limit, and each kind's entries and bytes.
[[nodiscard]] Expected<void> cache_info(const util::CacheStore& cache);

// Removes the least recently used entries until the cache holds at most `max_size` bytes (a size
// as parse_size reads it; default 0: everything), and prints what it removed.
[[nodiscard]] Expected<void> cache_clean(const util::CacheStore& cache,
                                         const std::optional<std::string>& max_size);

// "0", "1500", "500K", "500M", "2G" (binary units, as ccache's --max-size) -> bytes.
[[nodiscard]] Expected<std::uint64_t> parse_size(std::string_view text);

} // namespace pydeb::pipeline
