// The newest entry of debian/changelog (deb-changelog(5)), and Debian version parts
// (deb-version(5)): what dh_pydeb needs to fill a spec's name, version and release.
#pragma once

#include "util/expected.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pydeb::packaging_tools
{

// [epoch:]upstream_version[-debian_revision]: the revision follows the LAST hyphen, the epoch
// precedes the FIRST colon (deb-version(5)).
struct DebianVersion
{
    std::optional<std::string> epoch;
    std::string upstream;
    std::optional<std::string> revision; // absent for native packages
};

[[nodiscard]] Expected<DebianVersion> split_debian_version(std::string_view version);

struct ChangelogEntry
{
    std::string source;       // "myapp"
    std::string version;      // "1:2.0-3", verbatim
    std::string distribution; // "unstable" (first of the list)
    std::string maintainer;   // "Jane Doe <jane@example.com>", from the " -- " trailer
    std::string date;         // RFC 5322 date from the trailer
};

// Parses the first entry: its header line "source (version) dists; key=value" and its trailer
// line " -- Name <email>  date". `origin` names the text in messages ("debian/changelog").
[[nodiscard]] Expected<ChangelogEntry> parse_changelog_head(std::string_view text,
                                                            std::string_view origin);

} // namespace pydeb::packaging_tools
