// Where a bundled interpreter's files come from (install/bundle.hpp): the build host's CPython, a
// directory holding a prefix, or a tar archive of one. Each member is checked (no absolute path,
// no "..", no device, no symlink leaving the prefix), classified (python/bundle_layout.hpp) and,
// when shipped, written into the stage at the final prefix with a normalised mode.
#pragma once

#include "python/bundle_layout.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::install
{

struct BundleTake
{
    std::int64_t newest_mtime = 0; // of the files taken (the default epoch)
    std::uint64_t files = 0;       // regular files shipped
    std::uint64_t bytes = 0;       // their size
    std::uint64_t bytes_left_out = 0;
};

struct BundleSource
{
    std::optional<std::filesystem::path> path; // nullopt: the host's `host_interpreter`
    std::filesystem::path host_interpreter;
    std::string where; // the source, for messages
};

// Write the shipped members of `source` under stage_root / prefix (prefix is absolute).
[[nodiscard]] Expected<BundleTake> take_bundle(const BundleSource& source,
                                               const std::filesystem::path& stage_root,
                                               const std::filesystem::path& prefix,
                                               const std::vector<python::BundlePart>& keep);

// Run `python -I -S` with a snippet that reports version, implementation, build_prefix (the
// --prefix recorded in its sysconfig data), shared (the libpython it runs from, if any), stdlib
// and include. Empty map and `error` set when it does not run.
[[nodiscard]] std::map<std::string, std::string>
probe_interpreter(const std::filesystem::path& python, std::string& error);

} // namespace pydeb::install
