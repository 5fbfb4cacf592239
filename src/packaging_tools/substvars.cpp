#include "packaging_tools/substvars.hpp"

#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <set>

namespace fs = std::filesystem;

namespace pydeb::packaging_tools
{

namespace
{

std::vector<std::string> lines_of(std::string_view text)
{
    std::vector<std::string> lines = util::split(text, '\n');
    if (!lines.empty() && lines.back().empty())
    {
        lines.pop_back(); // the final newline does not start another line
    }
    return lines;
}

std::string text_of(const std::vector<std::string>& lines)
{
    std::string text;
    for (const std::string& line : lines)
    {
        text += line + "\n";
    }
    return text;
}

// "name=" or "name?=" at the start of line: the assignment operator's length, else 0.
std::size_t assignment_length(std::string_view line, std::string_view name)
{
    if (!line.starts_with(name))
    {
        return 0;
    }
    const std::string_view rest = line.substr(name.size());
    return rest.starts_with("=") ? 1 : rest.starts_with("?=") ? 2 : 0;
}

// Perl's split(", ", $value): an empty value gives no items.
std::vector<std::string> split_items(std::string_view value)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < value.size())
    {
        const std::size_t end = value.find(", ", start);
        items.emplace_back(value.substr(start, end - start));
        if (end == std::string_view::npos)
        {
            break;
        }
        start = end + 2;
    }
    return items;
}

Expected<void> check_value(std::string_view name, std::string_view value)
{
    if (value.find('\n') != std::string_view::npos)
    {
        return fail("substvar " + std::string(name) + ": the value '" + std::string(value) +
                    "' contains a newline, which would break the substvars file (#1025714)");
    }
    return {};
}

} // namespace

Expected<std::string> add_substvar(std::string_view substvars, std::string_view name,
                                   const std::vector<std::string>& relations)
{
    std::vector<std::string> lines = lines_of(substvars);
    for (const std::string& relation : relations)
    {
        PYDEB_TRY(check_value(name, relation));
        bool present = false;
        for (std::string& line : lines)
        {
            const std::size_t op = assignment_length(line, name);
            if (op == 0)
            {
                continue;
            }
            present = true;
            const std::string assignment = line.substr(0, name.size() + op);
            const std::vector<std::string> items = split_items(line.substr(assignment.size()));
            if (std::ranges::find(items, relation) != items.end())
            {
                continue; // addsubstvar leaves the line as it is
            }
            std::set<std::string> merged(items.begin(), items.end()); // byte order, as Perl sort
            merged.insert(relation);
            line = assignment + util::join({merged.begin(), merged.end()}, ", ");
        }
        if (!present)
        {
            lines.push_back(std::string(name) + "=" + relation);
        }
    }
    return text_of(lines);
}

Expected<std::string> set_optional_substvar(std::string_view substvars, std::string_view name,
                                            std::string_view value)
{
    PYDEB_TRY(check_value(name, value));
    std::vector<std::string> lines;
    for (std::string& line : lines_of(substvars))
    {
        if (assignment_length(line, name) == 0)
        {
            lines.push_back(std::move(line));
        }
    }
    lines.push_back(std::string(name) + "?=" + std::string(value));
    return text_of(lines);
}

Expected<void> update_substvars_file(const fs::path& file, const PydebSubstvars& values)
{
    std::string text;
    std::error_code ec;
    if (fs::exists(file, ec))
    {
        text = PYDEB_TRY(util::read_file(file));
    }
    text = PYDEB_TRY(add_substvar(text, "pydeb:Depends", values.depends));
    text = PYDEB_TRY(set_optional_substvar(text, "pydeb:Prefix", values.prefix));
    text = PYDEB_TRY(set_optional_substvar(text, "pydeb:Interpreter", values.interpreter));
    text = PYDEB_TRY(set_optional_substvar(text, "pydeb:Bytecode", values.bytecode));
    text = PYDEB_TRY(
        set_optional_substvar(text, "pydeb:PurgePaths", util::join(values.purge_paths, " ")));
    return util::write_file_atomic(file, text);
}

} // namespace pydeb::packaging_tools
