#include "depmap/dpkg_control_files.hpp"

#include <algorithm>

namespace pydeb::depmap
{

namespace
{

// \s and \S of the ECMAScript regexes below, and '.', which matches neither '\n' nor '\r'.
bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool has_line_break(std::string_view text)
{
    return text.find_first_of("\r\n") != std::string_view::npos;
}

// A run of \S at `pos` (moved past it); empty when there is none.
std::string_view token(std::string_view line, std::size_t& pos)
{
    const std::size_t start = pos;
    while (pos < line.size() && !is_space(line[pos]))
    {
        ++pos;
    }
    return line.substr(start, pos - start);
}

// Skip a run of \s at `pos`; false when there is none.
bool spaces(std::string_view line, std::size_t& pos)
{
    const std::size_t start = pos;
    while (pos < line.size() && is_space(line[pos]))
    {
        ++pos;
    }
    return pos > start;
}

// ^\s*(?:(\S+):\s+)?(\S+)\s+(\S+)(?:\s+(\S.*\S))?\s*$ with the optional type group taken
// (`typed`) or not, as the regex tries it: taken first, then left out.
std::optional<ShlibsEntry> match_shlibs_line(std::string_view line, bool typed)
{
    std::size_t pos = 0;
    spaces(line, pos);
    ShlibsEntry entry;
    if (typed)
    {
        const auto type = token(line, pos);
        if (type.size() < 2 || !type.ends_with(':') || !spaces(line, pos))
        {
            return std::nullopt;
        }
        entry.type = type.substr(0, type.size() - 1);
    }
    entry.key.library = token(line, pos);
    if (entry.key.library.empty() || !spaces(line, pos))
    {
        return std::nullopt;
    }
    entry.key.version = token(line, pos);
    if (entry.key.version.empty())
    {
        return std::nullopt;
    }
    std::string_view rest = line.substr(pos);
    while (!rest.empty() && is_space(rest.back()))
    {
        rest.remove_suffix(1);
    }
    if (!rest.empty())
    {
        std::size_t skipped = 0;
        spaces(rest, skipped); // rest starts with the \s that ended the version
        rest.remove_prefix(skipped);
        if (rest.size() < 2 || has_line_break(rest))
        {
            return std::nullopt;
        }
        entry.dependency = rest;
    }
    return entry;
}

} // namespace

std::optional<ShlibsKey> split_soname(std::string_view soname)
{
    // Perl's greedy /^(.*)\.so\.(.*)$/, then /^(.*)-(\d.*)\.so$/ (Dpkg::Shlibs): the last
    // ".so.", else the last '-' before a digit and the final ".so".
    if (has_line_break(soname))
    {
        return std::nullopt;
    }
    if (const auto dot = soname.rfind(".so."); dot != std::string_view::npos)
    {
        return ShlibsKey{std::string(soname.substr(0, dot)), std::string(soname.substr(dot + 4))};
    }
    if (soname.ends_with(".so"))
    {
        const auto stem = soname.substr(0, soname.size() - 3);
        for (auto dash = stem.rfind('-'); dash != std::string_view::npos;
             dash = dash == 0 ? std::string_view::npos : stem.rfind('-', dash - 1))
        {
            if (dash + 1 < stem.size() && stem[dash + 1] >= '0' && stem[dash + 1] <= '9')
            {
                return ShlibsKey{std::string(stem.substr(0, dash)),
                                 std::string(stem.substr(dash + 1))};
            }
        }
    }
    return std::nullopt;
}

std::vector<ShlibsEntry> parse_shlibs(std::string_view text)
{
    // dpkg-shlibdeps extract_from_shlibs, one line at a time; comments and lines that do not
    // match are skipped.
    std::vector<ShlibsEntry> entries;
    for (std::size_t pos = 0; pos <= text.size();)
    {
        const auto end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.starts_with('#'))
        {
            continue;
        }
        if (auto entry = match_shlibs_line(line, true))
        {
            entries.push_back(std::move(*entry));
        }
        else if (auto untyped = match_shlibs_line(line, false))
        {
            entries.push_back(std::move(*untyped));
        }
    }
    return entries;
}

std::optional<std::string> lookup_shlibs(const std::vector<ShlibsEntry>& entries,
                                         std::string_view soname)
{
    const auto key = split_soname(soname);
    if (!key)
    {
        return std::nullopt;
    }
    for (const auto& entry : entries)
    {
        if (entry.type.empty() && entry.key == *key)
        {
            return entry.dependency;
        }
    }
    return std::nullopt;
}

} // namespace pydeb::depmap
