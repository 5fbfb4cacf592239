// The .dist-info directory of a wheel and its WHEEL file (binary distribution format spec).
#pragma once

#include "install/wheel/member.hpp"
#include "util/expected.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pydeb::install
{

struct WheelMetadata
{
    int major = 1; // Wheel-Version
    int minor = 0;
    RootIsPurelib root_is_purelib = RootIsPurelib::no;
    std::vector<std::string> tags; // Tag: lines, as written
};

// Parse WHEEL (RFC 822 style "Key: value" lines). Missing or malformed Wheel-Version is an
// error; so is a major version other than 1 ("abort if major version is greater"). A minor
// version above 0 is accepted and reported in warnings ("warn if minor version is greater").
[[nodiscard]] Expected<WheelMetadata> parse_wheel_file(std::string_view text,
                                                       std::vector<std::string>& warnings);

// The one top-level "*.dist-info" directory among the member names (nested ones are ignored);
// its name must be "{name}-{version}" matching the wheel file name's distribution (compared by
// PEP 503 normalised name, and version text after normalisation by the caller).
// Returns the directory name without the trailing slash.
[[nodiscard]] Expected<std::string> find_dist_info(const std::vector<std::string>& members);

// Core metadata (METADATA, RFC 822 headers up to the first blank line): Name and Version must
// agree with the wheel file name (uv checks the same). Text must be UTF-8, as pip requires.
struct CoreMetadata
{
    std::string name;
    std::string version;
};

[[nodiscard]] Expected<CoreMetadata> parse_core_metadata(std::string_view text);

} // namespace pydeb::install
