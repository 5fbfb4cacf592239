// The steps of writing a .deb (deb(5)), shared by the plain writer (writer.cpp) and the one that
// reuses an earlier build's payload (payload_reuse.cpp): plan the members, stream data.tar, then
// assemble the ar archive around it.
#pragma once

#include "adapters/archive/tar_compression.hpp"
#include "package/deb/data_tar.hpp"
#include "package/deb/docs.hpp"
#include "package/deb/members.hpp"
#include "package/model.hpp"
#include "package/write_options.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

namespace pydeb::package::deb
{

// data.tar's members in order, with the generated files they point into.
struct DebPlan
{
    std::vector<GeneratedFile> generated; // members[i].generated points into this vector
    std::vector<Member> members;
    std::int64_t now = 0; // the mtime of generated members: source_date_epoch, else the time now
    adapters::archive::TarCompression compression{};
};

// Plan the package; the control file and the maintainer scripts are rendered once here, so a bad
// field fails before any time is spent on data.tar. Errors name `output`.
[[nodiscard]] Expected<DebPlan> plan_package(const PackageInfo& info,
                                             const std::filesystem::path& output);

// Called with the finished data.tar (a scratch file beside the package, removed afterwards) and
// its summary, before the package is committed.
using PayloadObserver =
    std::function<void(const std::filesystem::path& data, const DataSummary& summary)>;

// Stream data.tar, then assemble and commit the package at `output` (only a whole package ever
// appears there; a failed or killed build leaves nothing, not even its scratch data.tar).
[[nodiscard]] Expected<void> write_planned(const PackageInfo& info, const DebPlan& plan,
                                           const std::filesystem::path& output,
                                           const WriteOptions& options,
                                           const PayloadObserver& observer = {});

// Assemble and commit the package around an existing compressed data.tar whose summary is known.
[[nodiscard]] Expected<void> write_around(const PackageInfo& info, const DebPlan& plan,
                                          const DataSummary& summary,
                                          const std::filesystem::path& data,
                                          const std::filesystem::path& output,
                                          const WriteOptions& options);

} // namespace pydeb::package::deb
