// .solv caches of loaded repositories (repo_write / repo_add_solv): a reload of bookworm's 66k
// packages takes half the time of parsing the lists again (measured on bookworm). Internal to
// adapters/solv_repos.
#pragma once

#include "adapters/solv/repo.hpp"
#include "adapters/solv_repos/loaders.hpp"

#include <filesystem>
#include <optional>

namespace pydeb::adapters::solv_repos
{

// The cache file for `source` in cache.directory, named after the source's path, size and mtime;
// nullopt when caching is off or the source cannot be stat'ed.
[[nodiscard]] std::optional<std::filesystem::path> cache_path(const CacheOptions& cache,
                                                              const std::filesystem::path& source);
// Load the cache into repo; false when there is none (or it is unreadable).
[[nodiscard]] bool read_cache(solv::ObjRepoView repo,
                              const std::optional<std::filesystem::path>& path);
// Write the repo's cache and remove older caches of the same source; failures are ignored.
void write_cache(solv::ObjRepoView repo, const std::optional<std::filesystem::path>& path);
// After a load that found no cache: write it only when this version of the source was loaded
// before. repo_write costs as much as parsing bookworm's lists again (0.2 s), and a first load is
// often the only one: the installability memo answers later builds, CI starts from an empty cache,
// and apt replaces the lists daily. A second load shows the cache will be read.
void remember_load(solv::ObjRepoView repo, const std::optional<std::filesystem::path>& path);

} // namespace pydeb::adapters::solv_repos
