// Core metadata of a wheel (the .dist-info/METADATA file, "Core metadata specifications"): the
// fields resolution needs. The file is RFC 822 style headers (read here, no email library): one
// "Name: value" per line, continuation lines start with whitespace, the body after the first
// blank line is the description.
#pragma once

#include "python/requirement.hpp"
#include "python/specifier.hpp"
#include "util/expected.hpp"
#include "util/cache_store.hpp"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::resolve
{

struct WheelMetadata
{
    std::string name;                                    // Name: as written ("Flask")
    std::string version;                                 // Version: as written
    std::vector<python::Requirement> requires_dist;      // every Requires-Dist, markers kept
    std::optional<python::SpecifierSet> requires_python; // Requires-Python
    std::set<std::string> provides_extra;                // PEP 685-normalized
    // What the SBOM records (sbom/license.hpp): License-Expression (PEP 639), the "License ::"
    // classifiers, and the License field (a name, an expression or a whole text).
    std::optional<std::string> license_expression;
    std::vector<std::string> license_classifiers;
    std::optional<std::string> license;
};

// Parse METADATA text. `where` prefixes messages ("Flask-2.2.2-py3-none-any.whl:
// Flask-2.2.2.dist-info/METADATA"), which then read WHERE:LINE: message.
[[nodiscard]] Expected<WheelMetadata> parse_metadata(std::string_view text, std::string_view where);

// Find the wheel's top-level *.dist-info/METADATA member (PEP 427) and parse it.
[[nodiscard]] Expected<WheelMetadata> read_wheel_metadata(const util::CacheStore& cache,
                                                          const std::filesystem::path& wheel);

} // namespace pydeb::resolve
