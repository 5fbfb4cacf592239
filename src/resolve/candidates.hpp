// The candidate universe of one resolution: for every project name reachable from the requested
// requirements, the wheels that fit the TARGET interpreter (tags, Requires-Python) with their
// metadata, ordered by preference, and the wheels that were set aside with the reason.
// Only reachable names have their METADATA read, so an unrelated broken wheel costs nothing.
#pragma once

#include "python/requirement.hpp"
#include "python/tags.hpp"
#include "python/version.hpp"
#include "python/wheel_filename.hpp"
#include "resolve/metadata.hpp"
#include "resolve/source.hpp"
#include "resolve/wheelhouse.hpp"
#include "util/expected.hpp"
#include "util/cache_store.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pydeb::resolve
{

// The sdist a candidate's wheel was built from (PEP 517): what the lock records.
struct SdistOrigin
{
    std::string file;
    std::string url; // empty for a wheelhouse file
    std::string sha256;
};

struct Candidate
{
    std::string name;         // PEP 503 normalized
    std::string display_name; // METADATA Name ("Flask")
    python::Version version;
    std::filesystem::path path; // empty for a remote wheel until it is fetched
    std::string filename;
    std::optional<RemoteWheel> remote; // from an index (WheelSource)
    std::size_t tag_priority = 0; // python::TagPriority rank, lower is better
    std::optional<python::BuildTag> build;
    WheelMetadata metadata;
    std::optional<SdistOrigin> sdist; // set when `path` is a wheel built from this sdist
};

struct SetAside
{
    std::string filename;
    python::Version version;
    std::string reason; // "requires Python >=3.12, the target is 3.11.2"
};

struct Project
{
    std::string name; // normalized
    // Worst first, best last: by version, then tag priority, then build tag (pip's order).
    std::vector<Candidate> candidates;
    std::vector<SetAside> set_aside;
    // Sdists that would have served had sdists been built (install.only-binary), for the message.
    std::vector<SdistFile> sdists;
    std::set<std::string> requested_extras; // extras some requirement asks for (normalized)
};

struct Universe
{
    std::map<std::string, Project> projects;
    std::vector<std::string> warnings;
};

// The requirements of a wheel that apply on the target: Requires-Dist whose marker is true for
// `extras` (PEP 508 markers with the `extra` variable). With `only_extra`, only those that the
// extra adds (true with the extra, false without it).
enum class ExtraScope
{
    base,
    only_extra,
};
[[nodiscard]] std::vector<const python::Requirement*>
applicable_requirements(const WheelMetadata& metadata, const python::MarkerEnvironment& env,
                        ExtraScope scope, const std::string& extra = {});

// Top-level requirements whose marker holds on the target (`colorama; platform_system ==
// "Windows"` is dropped on Linux).
[[nodiscard]] std::vector<python::Requirement>
applicable_roots(const std::vector<python::Requirement>& requirements,
                 const python::MarkerEnvironment& env);

// Local wheels first, then `source`'s (when given) for each name. A source that fails (an
// unreachable index, refused credentials) fails the collection. A name with no fitting wheel is
// built from its newest sdist that the requirements seen so far admit, by `builder` (when given;
// none means install.only-binary): a failed build fails the collection.
[[nodiscard]] Expected<Universe> collect_candidates(const Wheelhouse& house,
                                                    const std::vector<python::Requirement>& roots,
                                                    const python::InterpreterFacts& target,
                                                    const util::CacheStore& cache,
                                                    WheelSource* source = nullptr,
                                                    const std::map<std::string, python::Version>& keep = {},
                                                    SdistBuilder* builder = nullptr);

} // namespace pydeb::resolve
