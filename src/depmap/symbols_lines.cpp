#include "depmap/symbols_lines.hpp"

#include "depmap/debian_version.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

namespace pydeb::depmap
{

namespace
{

// The next piece of `text` up to `separator` (all of it when there is none); `text` keeps the rest.
std::string_view next_piece(std::string_view& text, char separator)
{
    const auto end = text.find(separator);
    const auto piece = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    return piece;
}

// Every symbol line of a library's text, in order, as parse_symbols classifies lines.
template <typename Visit> void for_each_symbol_line(std::string_view lines, Visit visit)
{
    for (std::string_view rest = lines; !rest.empty();)
    {
        const std::string_view line = next_piece(rest, '\n');
        const auto trimmed = trim_spaces(line);
        SymbolLine symbol;
        if (!trimmed.empty() && !line.starts_with('#') && !line.starts_with('|') &&
            !line.starts_with('*') && split_symbol_line(trimmed, symbol) == LineKind::symbol)
        {
            visit(symbol);
        }
    }
}

bool before(const SymbolLine& a, const SymbolLine& b)
{
    const int order = compare_debian_versions(a.minver, b.minver);
    return order < 0 || (order == 0 && a.name < b.name);
}

} // namespace

LineKind split_symbol_line(std::string_view body, SymbolLine& out)
{
    if (body.starts_with('('))
    {
        const auto close = body.find(')');
        if (close == std::string_view::npos)
        {
            return LineKind::malformed;
        }
        for (auto tags = body.substr(1, close - 1);;)
        {
            const auto bar = tags.find('|');
            const auto tag = tags.substr(0, bar);
            if (tag == "c++" || tag == "regex")
            {
                return LineKind::pattern;
            }
            if (bar == std::string_view::npos)
            {
                break;
            }
            tags.remove_prefix(bar + 1);
        }
        body.remove_prefix(close + 1);
    }
    std::string_view name;
    if (body.starts_with('"'))
    {
        const auto close = body.find('"', 1);
        if (close == std::string_view::npos)
        {
            return LineKind::malformed;
        }
        name = body.substr(1, close - 1);
        body.remove_prefix(close + 1);
    }
    // Words separated by spaces: [name] minver [dep_id]; later words are ignored.
    std::array<std::string_view, 3> words;
    std::size_t count = 0;
    for (auto rest = trim_spaces(body); !rest.empty() && count < words.size();)
    {
        if (const auto word = next_piece(rest, ' '); !word.empty())
        {
            words[count++] = word;
        }
    }
    std::size_t first = 0;
    if (name.empty())
    {
        if (count == 0)
        {
            return LineKind::malformed;
        }
        name = words[first++];
    }
    if (count <= first)
    {
        return LineKind::malformed;
    }
    out = SymbolLine{name, words[first], 0};
    if (count > first + 1)
    {
        const auto& id = words[first + 1];
        std::from_chars(id.data(), id.data() + id.size(), out.dep_id);
    }
    return LineKind::symbol;
}

void SmallestMinver::add(const SymbolLine& line)
{
    // A later line of a winner's symbol replaces it: that winner may not count (finish()).
    for (auto& winner : m_winners)
    {
        winner.replaced = winner.replaced || line.name == winner.line.name;
    }
    const auto it = std::ranges::find(m_winners, line.dep_id, &Winner::dep_id);
    if (it == m_winners.end())
    {
        m_winners.push_back({line.dep_id, line, false});
    }
    else if (line.minver == it->line.minver ? line.name < it->line.name : before(line, it->line))
    {
        *it = {line.dep_id, line, false};
    }
}

void SmallestMinver::finish(std::string_view lines, SymbolsObject& object)
{
    for (const auto& [dep_id, winner, replaced] : m_winners)
    {
        if (!replaced)
        {
            object.smallest[dep_id] = winner.minver;
            continue;
        }
        // The exact walk: each symbol by its last line, in name order, the first smallest kept.
        std::map<std::string_view, SymbolLine> symbols;
        for_each_symbol_line(lines, [&](const SymbolLine& symbol)
                             { symbols.insert_or_assign(symbol.name, symbol); });
        const SymbolLine* smallest = nullptr;
        for (const auto& [name, symbol] : symbols)
        {
            if (symbol.dep_id == dep_id &&
                (smallest == nullptr ||
                 compare_debian_versions(smallest->minver, symbol.minver) > 0))
            {
                smallest = &symbol;
            }
        }
        if (smallest != nullptr)
        {
            object.smallest[dep_id] = smallest->minver;
        }
    }
    m_winners.clear();
}

} // namespace pydeb::depmap
