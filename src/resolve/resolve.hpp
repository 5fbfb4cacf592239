// Requirements + wheelhouses -> exactly one wheel per distribution, for the TARGET interpreter.
// The pipeline's resolve stage; `pydeb resolve SPEC` prints the result as name==version lines.
#pragma once

#include "python/requirement.hpp"
#include "python/tags.hpp"
#include "python/version.hpp"
#include "resolve/source.hpp"
#include "util/expected.hpp"
#include "util/cache_store.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace pydeb::resolve
{

struct ResolveRequest
{
    std::vector<python::Requirement> requirements;
    std::vector<std::filesystem::path> wheelhouses; // directories or .whl files
    python::InterpreterFacts target;
    util::CacheStore cache = util::CacheStore::off(); // wheel hashes and METADATA
    WheelSource* source = nullptr; // package indexes, asked for names the wheelhouses lack too
    // `pydeb lock` without --upgrade: distributions kept at these versions (the existing lock's)
    // where a candidate of that version is at hand; when the kept set does not resolve, the
    // resolution runs again without it.
    std::map<std::string, python::Version> keep;
    // Builds a wheel from an sdist when a name has no fitting wheel; null: sdists are never built
    // (install.only-binary), and a name only an sdist has fails naming it.
    SdistBuilder* builder = nullptr;
};

struct ResolvedWheel
{
    std::string name;         // PEP 503 normalized ("markupsafe")
    std::string display_name; // METADATA Name ("MarkupSafe")
    python::Version version;
    std::filesystem::path path; // the wheel (for an sdist, the wheel built from it)
    std::string filename;       // the wheel's file name, or the sdist's when built from one
    std::string sha256; // lower-case hex of that file (the wheel, or the sdist)
    std::string url;    // where an index served it (no credentials); empty for a local file

    bool operator==(const ResolvedWheel&) const = default;
};

struct Resolution
{
    std::vector<ResolvedWheel> wheels; // sorted by name
    // Things a person should know but that do not stop the build (unparsable file names in the
    // wheelhouse, an extra the chosen wheel does not provide).
    std::vector<std::string> warnings;
};

// Markers are evaluated against target.markers; Requires-Python against the target's version;
// wheels must carry a tag of python::compatible_tags(target). Prefers the newest version, then
// the best tag; pre-releases only when a specifier names one, or for a bare name with nothing but
// pre-releases (pip's rule, PEP 440 "Handling of pre-releases").
// On failure the error lists every problem found, one per line.
[[nodiscard]] Expected<Resolution> resolve(const ResolveRequest& request);

} // namespace pydeb::resolve
