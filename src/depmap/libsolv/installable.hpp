// The libsolv-backed checks under depmap/: load the target repositories into a pool, add the
// package about to be written as a solvable, and ask the solver to install it.
#pragma once

#include "depmap/types.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <map>
#include <vector>

namespace pydeb::depmap::libsolv
{

// Every reason the package cannot be installed, as sentences ("nothing provides libfoo9 needed
// by myapp-1.0-1.amd64"); empty when it can. The solver stops at the first reason per problem
// (libsolv's src/problems.c, solver_findproblemrule), so each relation is also checked for a provider on its own: every missing
// one is named, not only the first. A check whose package and repositories did not change since
// it last ran is answered from its memo without loading anything (check_memo.hpp).
[[nodiscard]] Expected<std::vector<std::string>>
install_problems(const InstallCheck& check, const std::filesystem::path& root);

// RPM requires that nothing in `repos` provides (whatprovides is empty), in order.
[[nodiscard]] Expected<std::vector<std::string>>
unprovided_rpm_requires(const std::vector<std::string>& requires_,
                        const std::vector<RepoSource>& sources, const util::CacheStore& cache);

// The versions of the packages named in `names` in `sources` (Debian repositories), each in no
// order (none: an empty list), from one load of the repositories.
[[nodiscard]] Expected<std::map<std::string, std::vector<std::string>>>
deb_package_versions(const std::vector<std::string>& names,
                     const std::vector<RepoSource>& sources, const util::CacheStore& cache);

// The apt Packages lists below root (ROOT/var/lib/apt/lists/*_Packages*), sorted.
[[nodiscard]] std::vector<std::filesystem::path>
apt_package_lists(const std::filesystem::path& root);

} // namespace pydeb::depmap::libsolv
