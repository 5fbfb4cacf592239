// Loading the target repositories of a check into a libsolv pool (adapters/solv_repos), with
// .solv files in the cache store (CacheKind::solv).
#pragma once

#include "adapters/solv/pool.hpp"
#include "depmap/types.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <vector>

namespace pydeb::depmap::libsolv
{

[[nodiscard]] Expected<void> load_repo(adapters::solv::ObjPool& pool, const RepoSource& source,
                                       const util::CacheStore& cache);

// The repositories a check runs against: check.repos, or for Debian without any the host's apt
// lists plus its dpkg status below root. RPM has no default: an error names what to give.
[[nodiscard]] Expected<std::vector<RepoSource>> check_sources(const InstallCheck& check,
                                                              const std::filesystem::path& root);

// The apt Packages lists below root (ROOT/var/lib/apt/lists/*_Packages*, any compression),
// sorted: the default Debian target together with the dpkg status.
[[nodiscard]] std::vector<std::filesystem::path>
apt_package_lists(const std::filesystem::path& root);

} // namespace pydeb::depmap::libsolv
