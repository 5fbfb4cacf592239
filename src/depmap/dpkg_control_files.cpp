#include "depmap/dpkg_control_files.hpp"

#include "depmap/debian_version.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <charconv>
#include <regex>

namespace pydeb::depmap
{

std::optional<ShlibsKey> split_soname(std::string_view soname)
{
    // Greedy as Perl's /^(.*)\.so\.(.*)$/ and /^(.*)-(\d.*)\.so$/ in Dpkg::Shlibs.
    static const std::regex dotted(R"(^(.*)\.so\.(.*)$)");
    static const std::regex dashed(R"(^(.*)-(\d.*)\.so$)");
    std::match_results<std::string_view::const_iterator> match;
    if (std::regex_match(soname.begin(), soname.end(), match, dotted) ||
        std::regex_match(soname.begin(), soname.end(), match, dashed))
    {
        return ShlibsKey{match[1].str(), match[2].str()};
    }
    return std::nullopt;
}

std::vector<ShlibsEntry> parse_shlibs(std::string_view text)
{
    // dpkg-shlibdeps extract_from_shlibs: ^\s*(?:(\S+):\s+)?(\S+)\s+(\S+)(?:\s+(\S.*\S))?\s*$
    static const std::regex line_re(R"(^\s*(?:(\S+):\s+)?(\S+)\s+(\S+)(?:\s+(\S.*\S))?\s*$)");
    std::vector<ShlibsEntry> entries;
    for (const auto& line : util::split(text, '\n'))
    {
        std::smatch match;
        if (line.starts_with('#') || !std::regex_match(line, match, line_re))
        {
            continue;
        }
        entries.push_back({match[1].str(), {match[2].str(), match[3].str()}, match[4].str()});
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

const SymbolsObject* SymbolsFile::find(std::string_view soname) const
{
    auto it = std::ranges::find(objects, soname, &SymbolsObject::soname);
    return it == objects.end() ? nullptr : &*it;
}

namespace
{

// " (tag|tag=value)name@VER minver [dep_id]" (deb-symbols(5) "Using symbol tags").
bool parse_symbol_line(std::string_view body, SymbolsObject& object)
{
    std::string tags;
    if (body.starts_with('('))
    {
        const auto close = body.find(')');
        if (close == std::string_view::npos)
        {
            return false;
        }
        tags = std::string(body.substr(1, close - 1));
        body.remove_prefix(close + 1);
    }
    for (const auto& tag : util::split(tags, '|'))
    {
        if (tag == "c++" || tag == "regex")
        {
            return true; // a pattern, not a literal symbol: nothing to match it against
        }
    }
    std::string name;
    if (body.starts_with('"'))
    {
        const auto close = body.find('"', 1);
        if (close == std::string_view::npos)
        {
            return false;
        }
        name = std::string(body.substr(1, close - 1));
        body.remove_prefix(close + 1);
    }
    std::vector<std::string> words;
    for (auto& word : util::split(util::trim(body), ' '))
    {
        if (!word.empty())
        {
            words.push_back(std::move(word));
        }
    }
    if (name.empty())
    {
        if (words.empty())
        {
            return false;
        }
        name = words.front();
        words.erase(words.begin());
    }
    if (words.empty())
    {
        return false;
    }
    SymbolEntry entry{words[0], 0};
    if (words.size() > 1)
    {
        std::from_chars(words[1].data(), words[1].data() + words[1].size(), entry.dep_id);
    }
    object.symbols.insert_or_assign(name, std::move(entry));
    return true;
}

} // namespace

Expected<SymbolsFile> parse_symbols(std::string_view text, std::string_view origin)
{
    SymbolsFile file;
    std::size_t number = 0;
    for (const auto& raw : util::split(text, '\n'))
    {
        ++number;
        const std::string& line = raw;
        if (util::trim(line).empty() || line.starts_with('#'))
        {
            continue;
        }
        const auto where = std::string(origin) + ":" + std::to_string(number) + ": ";
        const bool indented = line.starts_with(' ') || line.starts_with('\t');
        if (!indented && !line.starts_with('|') && !line.starts_with('*'))
        {
            const auto space = line.find_first_of(" \t");
            SymbolsObject object;
            object.soname = line.substr(0, space);
            object.dependencies.emplace_back(
                space == std::string::npos ? "" : std::string(util::trim(line.substr(space))));
            file.objects.push_back(std::move(object));
            continue;
        }
        if (file.objects.empty())
        {
            return fail(where + "a symbols line before any library line; see deb-symbols(5)");
        }
        auto& object = file.objects.back();
        if (line.starts_with('|'))
        {
            object.dependencies.emplace_back(util::trim(line.substr(1)));
        }
        else if (line.starts_with('*'))
        {
            const auto colon = line.find(':');
            if (colon != std::string::npos)
            {
                object.fields[std::string(util::trim(line.substr(1, colon - 1)))] =
                    std::string(util::trim(line.substr(colon + 1)));
            }
        }
        else if (!parse_symbol_line(util::trim(line), object))
        {
            return fail(where + "cannot parse the symbol line '" + std::string(util::trim(line)) +
                        "'; see deb-symbols(5)");
        }
    }
    return file;
}

std::string smallest_version(const SymbolsObject& object, std::size_t dep_id)
{
    std::optional<std::string> smallest;
    for (const auto& [name, entry] : object.symbols)
    {
        if (entry.dep_id == dep_id &&
            (!smallest || compare_debian_versions(*smallest, entry.minver) > 0))
        {
            smallest = entry.minver;
        }
    }
    return smallest.value_or("");
}

} // namespace pydeb::depmap
