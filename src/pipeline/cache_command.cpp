#include "pipeline/cache_command.hpp"

#include "util/strings.hpp"

#include <charconv>
#include <cstdio>
#include <iostream>

namespace pydeb::pipeline
{

Expected<std::uint64_t> parse_size(std::string_view text)
{
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const std::string_view unit = text.substr(static_cast<std::size_t>(end - text.data()));
    const std::uint64_t factor = unit.empty()                       ? 1
                                 : unit == "K" || unit == "KiB"     ? 1ULL << 10
                                 : unit == "M" || unit == "MiB"     ? 1ULL << 20
                                 : unit == "G" || unit == "GiB"     ? 1ULL << 30
                                                                    : 0;
    if (error != std::errc() || end == text.data() || factor == 0 ||
        value > UINT64_MAX / factor)
    {
        return fail("--max-size " + std::string(text) +
                    ": expected a number of bytes, optionally followed by K, M or G");
    }
    return value * factor;
}

Expected<void> cache_info(const util::CacheStore& cache)
{
    if (!cache.enabled())
    {
        std::cout << "cache: off (--no-cache, or neither XDG_CACHE_HOME nor HOME is set)\n";
        return {};
    }
    std::cout << "cache: " << cache.root().string() << " (cleaned to "
              << util::size_text(cache.max_size()) << " at most once a day)\n";
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;
    for (const auto& usage : cache.usage())
    {
        char line[128];
        std::snprintf(line, sizeof line, "%-18s %8llu entries %12s\n",
                      std::string(util::directory_name(usage.kind)).c_str(),
                      static_cast<unsigned long long>(usage.entries), util::size_text(usage.bytes).c_str());
        std::cout << line;
        entries += usage.entries;
        bytes += usage.bytes;
    }
    std::cout << "total: " << entries << " entries, " << util::size_text(bytes) << "\n";
    return {};
}

Expected<void> cache_clean(const util::CacheStore& cache,
                           const std::optional<std::string>& max_size)
{
    const std::uint64_t limit = max_size ? PYDEB_TRY(parse_size(*max_size)) : 0;
    if (!cache.enabled())
    {
        std::cout << "cache: off, nothing to clean\n";
        return {};
    }
    const std::uint64_t removed = cache.cleanup(limit);
    std::cout << "removed " << util::size_text(removed) << " from " << cache.root().string() << "\n";
    return {};
}

} // namespace pydeb::pipeline
