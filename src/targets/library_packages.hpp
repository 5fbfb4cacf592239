// The names a release's package of a shared library may have, for finding that package without
// the release's Contents index (a mirror that does not serve the Contents its signed Release
// lists): Debian Policy §8.1 names the run-time library package from the SONAME, and Debian's
// 64-bit time_t transition (wiki.debian.org/ReleaseGoals/64bit-time) renamed many of them with a
// "t64" suffix. A name is only a candidate: the package's own file list decides
// (targets/package_files.hpp).
#pragma once

#include "targets/debian_metadata.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::targets
{

// Policy §8.1: libfoo.so.1 -> libfoo1; a library name ending in a digit takes a hyphen
// (libfoo2.so.3 -> libfoo2-3, libbz2.so.1.0 -> libbz2-1.0); libfoo-1.2.so -> libfoo-1.2 (and the
// common libfoo1.2); lower case, '_' as '-' (package names, Policy §5.6.1). Each with its t64 twin
// after it; the preferred spelling first, no name twice.
[[nodiscard]] std::vector<std::string> policy_package_names(std::string_view soname);

// `package` and its twin across the time_t transition: libssl3 <-> libssl3t64.
[[nodiscard]] std::vector<std::string> t64_twins(std::string_view package);

// Other packages to try for a soname (the build host's owner of the library the object was
// linked against): libm.so.6 is in libc6, libcrypto.so.3 in libssl3, names §8.1 cannot give.
using SonameHints = std::map<std::string, std::vector<std::string>>;

// find_in_contents' answer without the Contents: for each soname among `paths` (their file
// names; see WantedPaths), its candidates (policy_package_names, then the hints and their t64
// twins) that the release's Packages list, each confirmed by its own file list
// (MetadataFetcher::package_files): every wanted path a candidate ships -> that candidate. A
// soname no candidate ships is an Error naming it, the candidates tried and the release.
[[nodiscard]] Expected<std::map<std::filesystem::path, std::string>>
find_in_package_files(MetadataFetcher& fetcher, const ReleaseMetadata& release,
                      const std::set<std::filesystem::path>& paths, const SonameHints& hints);

} // namespace pydeb::targets
