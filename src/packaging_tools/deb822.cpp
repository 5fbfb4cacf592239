#include "packaging_tools/deb822.hpp"

#include "util/strings.hpp"

namespace pydeb::packaging_tools
{

namespace
{

bool is_blank(std::string_view line)
{
    return util::trim(line).empty();
}

// deb822(5): a field name is US-ASCII printable, not starting with '#' or '-', without ':'.
bool valid_field_name(std::string_view name)
{
    if (name.empty() || name.front() == '#' || name.front() == '-')
    {
        return false;
    }
    for (const char c : name)
    {
        if (c <= ' ' || c > '~' || c == ':')
        {
            return false;
        }
    }
    return true;
}

Error located(std::string_view origin, int line, std::string_view what)
{
    return Error{std::string(origin) + ":" + std::to_string(line) + ": " + std::string(what)};
}

} // namespace

const Field* Paragraph::find(std::string_view name) const
{
    const std::string wanted = util::to_lower(name);
    for (const Field& field : fields)
    {
        if (util::to_lower(field.name) == wanted)
        {
            return &field;
        }
    }
    return nullptr;
}

std::optional<std::string> Paragraph::get(std::string_view name) const
{
    const Field* field = find(name);
    if (field == nullptr)
    {
        return std::nullopt;
    }
    return field->value;
}

Expected<std::vector<Paragraph>> parse_deb822(std::string_view text, std::string_view origin)
{
    std::vector<Paragraph> paragraphs;
    bool in_paragraph = false;
    int number = 0;
    for (std::string line : util::split(text, '\n'))
    {
        ++number;
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        if (!line.empty() && line.front() == '#')
        {
            continue; // comments may sit anywhere, even between continuation lines
        }
        if (is_blank(line))
        {
            in_paragraph = false;
            continue;
        }
        if (line.front() == ' ' || line.front() == '\t')
        {
            if (!in_paragraph)
            {
                return std::unexpected(
                    located(origin, number,
                            "continuation line outside a field; indent only the lines "
                            "that continue the field above"));
            }
            paragraphs.back().fields.back().value += "\n" + line;
            continue;
        }
        const std::size_t colon = line.find(':');
        const std::string name = line.substr(0, colon);
        if (colon == std::string::npos || !valid_field_name(name))
        {
            return std::unexpected(
                located(origin, number, "expected 'Field: value', got '" + line + "'"));
        }
        if (!in_paragraph)
        {
            paragraphs.push_back(Paragraph{{}, number});
            in_paragraph = true;
        }
        if (const Field* previous = paragraphs.back().find(name))
        {
            return std::unexpected(located(origin, number,
                                           "duplicate field '" + name + "' (first at line " +
                                               std::to_string(previous->line) + ")"));
        }
        paragraphs.back().fields.push_back(
            Field{name, std::string(util::trim(std::string_view(line).substr(colon + 1))), number});
    }
    return paragraphs;
}

} // namespace pydeb::packaging_tools
