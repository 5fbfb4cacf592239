// deb822 paragraphs (deb822(5)), as debian/control uses them: "Field: value" lines, continuation
// lines starting with a space or tab, paragraphs separated by blank lines, '#' comment lines.
#pragma once

#include "util/expected.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::packaging_tools
{

struct Field
{
    std::string
        name; // as written; lookups ignore case (deb822(5): field names are case-insensitive)
    std::string value; // first line trimmed; continuation lines kept verbatim after a '\n'
    int line = 0;      // 1-based line of the field name
};

struct Paragraph
{
    std::vector<Field> fields;
    int line = 0; // 1-based line of the first field

    [[nodiscard]] const Field* find(std::string_view name) const;
    [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
};

// `origin` names the text in messages ("debian/control"). A duplicate field in one paragraph, a
// line that is neither a field nor a continuation, and a continuation before any field are errors
// located as ORIGIN:LINE.
[[nodiscard]] Expected<std::vector<Paragraph>> parse_deb822(std::string_view text,
                                                            std::string_view origin);

} // namespace pydeb::packaging_tools
