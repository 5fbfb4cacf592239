// The dependency mapper's entry points for the pipeline: `pydeb deps SPEC` prints a Mapping, and
// the build puts its relations into Depends / Requires after check_installable agrees.
#pragma once

#include "depmap/types.hpp"
#include "util/expected.hpp"

#include <map>
#include <string>
#include <vector>

namespace pydeb::depmap
{

// Scan request.stage_root, map every soname the bundle does not satisfy (Debian: dpkg database
// under system_root, as dpkg-shlibdeps; RPM: elfdeps' strings, checked against request.repos
// when given), add the interpreter's relation and request.extra_depends.
[[nodiscard]] Expected<Mapping> map_dependencies(const MapRequest& request);

// Ask libsolv whether the package would install against the target repositories. Returns the
// problems as warnings under ProblemPolicy::warn (empty when installable); under
// ProblemPolicy::error any problem is an Error listing all of them, one per line.
[[nodiscard]] Expected<std::vector<std::string>> check_installable(const InstallCheck& check);

// The versions of each Debian package in `names` in `repos` ("3.9.2-3" for python3 on
// bullseye), from one load of the repositories; a name no package has gets an empty list.
[[nodiscard]] Expected<std::map<std::string, std::vector<std::string>>>
deb_package_versions(const std::vector<std::string>& names, const std::vector<RepoSource>& repos,
                     const util::CacheStore& cache);

// One line per mapped soname, as `pydeb deps` prints it:
// "lxml/etree.so: libxml2.so.2 -> libxml2 (>= 2.9.0) [symbols]" (object relative to prefix).
[[nodiscard]] std::vector<std::string> describe(const Mapping& mapping,
                                                const std::filesystem::path& prefix);

// The mappings of several targets side by side, as `pydeb deps` prints them: a header line
// "soname  NAME1  NAME2 ...", then one line per soname any of them needs (sorted), each column
// holding what that target maps it to: its relations (distinct ones joined by " | ": objects
// using different symbols can get different minimum versions), "bundled", or "(nothing)".
// Columns are padded to their widest cell. `names` and `mappings` are parallel.
[[nodiscard]] std::vector<std::string> side_by_side(const std::vector<std::string>& names,
                                                    const std::vector<Mapping>& mappings);

} // namespace pydeb::depmap
