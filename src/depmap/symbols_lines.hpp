// The symbol lines of a deb-symbols(5) file, as views into its text, and dpkg-shlibdeps' smallest
// minver of each library (Dpkg::Shlibs::SymbolFile::get_smallest_version), found while the lines
// are read instead of over a map of every symbol: parse_symbols keeps only the symbols a mapping
// will look up.
#pragma once

#include "depmap/dpkg_control_files.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace pydeb::depmap
{

// util::trim without its std::isspace calls: the same set in the "C" locale pydeb runs in.
[[nodiscard]] constexpr std::string_view trim_spaces(std::string_view text)
{
    constexpr auto is_space = [](char c)
    { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
    while (!text.empty() && is_space(text.front()))
    {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back()))
    {
        text.remove_suffix(1);
    }
    return text;
}

struct SymbolLine
{
    std::string_view name; // "name@VERSION"
    std::string_view minver;
    std::size_t dep_id = 0;
};

enum class LineKind
{
    symbol,
    pattern, // a c++ or regex tagged pattern: nothing to match it against, so it is skipped
    malformed,
};

// One trimmed symbol line: "[(tag|tag=value)]name@VER minver [dep_id]", the name possibly quoted.
[[nodiscard]] LineKind split_symbol_line(std::string_view body, SymbolLine& out);

// The smallest minver per dependency template of one library: the minver of its symbol with the
// smallest (version, name), as a walk of the symbols in name order keeping the first smallest
// finds it. A symbol listed twice counts with its last line only; when a winner has a later
// line, finish() falls back to that exact walk over the library's lines.
class SmallestMinver
{
public:
    // Each symbol line of the current library, in file order.
    void add(const SymbolLine& line);
    // `lines`: the text of the library's lines after its header line. Sets object.smallest and
    // starts over for the next library.
    void finish(std::string_view lines, SymbolsObject& object);

private:
    struct Winner
    {
        std::size_t dep_id = 0;
        SymbolLine line;       // the smallest so far
        bool replaced = false; // a later line names the same symbol
    };
    std::vector<Winner> m_winners; // a few
};

} // namespace pydeb::depmap
