// First pass over a wheel: read only the central directory and the small .dist-info files,
// validate everything that can be validated before a byte is written (file name and tags, one
// matching .dist-info, WHEEL, RECORD coverage, member names, scheme keys, entry points), and
// decide where every member goes. The second pass (wheel_installer.cpp) streams the data.
#pragma once

#include "adapters/archive/zip_reader.hpp"
#include "install/layout.hpp"
#include "install/wheel/record.hpp"
#include "install/wheel/scripts.hpp"
#include "install/wheel/wheel_metadata.hpp"
#include "python/tags.hpp"
#include "python/wheel_filename.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::install
{

enum class MemberKind
{
    file,      // install and verify against RECORD
    script,    // .data/scripts: install with "#!python" rewritten, mode 0755
    signature, // RECORD.jws / RECORD.p7s: installed, not listed in RECORD
    skip,      // directory, the wheel's RECORD (regenerated), __pycache__, shadowed script
};

struct PlannedMember
{
    std::string name;
    MemberKind kind = MemberKind::skip;
    std::filesystem::path destination; // relative to the prefix
    std::optional<RecordHash> hash;
    std::optional<std::uint64_t> size;
    unsigned mode = 0644;
    bool duplicate = false; // a later member of the same name: its bytes must equal the first's
};

struct WheelPlan
{
    std::filesystem::path wheel;
    std::string distribution; // project name as the .dist-info spells it
    std::string version;
    std::string dist_info;                       // "name-version.dist-info"
    std::filesystem::path dist_info_destination; // relative to the prefix
    std::filesystem::path root_directory;        // purelib or platlib, relative to the prefix
    WheelMetadata metadata;
    std::vector<PlannedMember> members; // in archive order
    std::vector<EntryPoint> entry_points;
};

[[nodiscard]] Expected<WheelPlan> plan_wheel(const Layout& layout,
                                             const std::filesystem::path& wheel,
                                             const python::TagPriority& supported,
                                             std::vector<std::string>& warnings);

// The part of plan_wheel after the archive was read: RECORD coverage and destinations.
[[nodiscard]] Expected<WheelPlan> plan_members(const Layout& layout, WheelPlan plan,
                                               std::vector<adapters::ZipEntry> entries,
                                               std::vector<RecordEntry> record,
                                               std::vector<std::string>& warnings);

} // namespace pydeb::install
