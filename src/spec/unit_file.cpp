#include "spec/unit_file.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace pydeb::spec
{

namespace
{

bool is_key_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '@';
}

std::string capitalized(std::string_view type)
{
    std::string out(type);
    if (!out.empty() && out.front() >= 'a' && out.front() <= 'z')
    {
        out.front() = static_cast<char>(out.front() - 'a' + 'A');
    }
    return out;
}

} // namespace

std::variant<UnitFacts, UnitProblem> read_unit(std::string_view text, std::string_view type)
{
    UnitFacts facts;
    bool continued = false; // the previous assignment ended in a backslash
    int number = 0;
    for (std::string_view rest = text; !rest.empty();)
    {
        const std::size_t end = rest.find('\n');
        const std::string_view raw = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        ++number;
        const std::string_view line = util::trim(raw);
        const int column = static_cast<int>(raw.find_first_not_of(" \t")) + 1;
        // systemd.syntax(7): comment lines inside a continued value are ignored; so are empty ones.
        if (line.empty() || line.front() == '#' || line.front() == ';')
        {
            continued = continued && !line.empty();
            continue;
        }
        if (continued)
        {
            continued = line.back() == '\\';
            continue;
        }
        if (line.front() == '[')
        {
            if (line.back() != ']' || line.size() < 3 ||
                line.substr(1, line.size() - 2).find_first_of("[]") != std::string_view::npos)
            {
                return UnitProblem{number, column, "a section header is '[Name]'"};
            }
            facts.sections.emplace_back(line.substr(1, line.size() - 2));
            continue;
        }
        const std::size_t equals = line.find('=');
        const std::string_view key =
            util::trim(equals == std::string_view::npos ? line : line.substr(0, equals));
        if (equals == std::string_view::npos || key.empty() ||
            !std::ranges::all_of(key, is_key_char))
        {
            return UnitProblem{number, column,
                               "expected '[Section]' or 'Key=Value' (systemd.syntax(7))"};
        }
        if (facts.sections.empty())
        {
            return UnitProblem{number, column,
                               "assignment '" + std::string(key) + "' before any [Section]"};
        }
        continued = line.back() == '\\';
    }
    if (std::ranges::find(facts.sections, "Install") != facts.sections.end())
    {
        facts.install = InstallSection::present;
    }
    const std::string wanted = capitalized(type);
    if (std::ranges::find(facts.sections, wanted) == facts.sections.end())
    {
        return UnitProblem{std::max(number, 1), 1,
                           "a ." + std::string(type) + " unit needs a [" + wanted + "] section"};
    }
    return facts;
}

} // namespace pydeb::spec
