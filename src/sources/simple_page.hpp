// A project page of a simple repository, as values: the PEP 503 HTML form and the PEP 691 JSON
// form give the same list of links. Pure: no I/O; hrefs are kept as written (the fetcher resolves
// them against the page's URL, RFC 3986 §5.2).
#pragma once

#include "util/expected.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::sources
{

// What pip sends (pip/_internal/index/collector.py): JSON preferred, then the versioned HTML
// form, then legacy text/html (PEP 691 "Version + Format Selection").
inline constexpr std::string_view k_accept =
    "Accept: application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, "
    "text/html;q=0.01";

struct IndexLink
{
    std::string href;     // as on the page, fragment removed
    std::string filename; // the last path segment of href, percent-decoded (PEP 503)
    std::string sha256;   // lower-case hex from "#sha256=" or "hashes"; empty when not given
    std::optional<std::string> requires_python; // data-requires-python / "requires-python"
    std::optional<std::string> yanked;          // PEP 592: present when yanked, the reason
    // PEP 658/714: the core metadata is served at href + ".metadata".
    bool has_metadata = false;
    std::string metadata_sha256;

    bool operator==(const IndexLink&) const = default;
};

enum class PageFormat
{
    html,
    json,
};

// The format a Content-Type names; an error for anything else (a login page, a proxy's notice).
[[nodiscard]] Expected<PageFormat> page_format(std::string_view content_type,
                                               std::string_view where);

// `where` (the masked page URL) prefixes every message.
[[nodiscard]] Expected<std::vector<IndexLink>> parse_simple_html(std::string_view body,
                                                                 std::string_view where);
[[nodiscard]] Expected<std::vector<IndexLink>> parse_simple_json(std::string_view body,
                                                                 std::string_view where);
[[nodiscard]] Expected<std::vector<IndexLink>>
parse_simple_page(std::string_view content_type, std::string_view body, std::string_view where);

// False for a directory link (file name empty, "." or ".."), an error for a file name with '/',
// '\\' or NUL after percent-decoding (it names the downloaded file), else true.
[[nodiscard]] Expected<bool> names_a_file(const IndexLink& link, std::string_view where);

// Splits "#sha256=HEX" (and other "#name=value" hash fragments, ignored) off an href.
void take_fragment(IndexLink& link, std::string_view href);

} // namespace pydeb::sources
