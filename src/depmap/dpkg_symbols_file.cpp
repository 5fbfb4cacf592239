// deb-symbols(5) files as dpkg-shlibdeps reads them. libc6's is 150 kB with 4,800 symbols and
// every build reads it, so lines are walked as string_views, only the symbols the caller will look
// up are copied, and each object's smallest minver is found on the way (symbols_lines.hpp).
#include "depmap/dpkg_control_files.hpp"
#include "depmap/symbols_lines.hpp"

#include <algorithm>

namespace pydeb::depmap
{

const SymbolsObject* SymbolsFile::find(std::string_view soname) const
{
    auto it = std::ranges::find(objects, soname, &SymbolsObject::soname);
    return it == objects.end() ? nullptr : &*it;
}

namespace
{

bool kept(std::string_view name, const SymbolNames* wanted)
{
    // "name@VERSION": a lookup for an undefined symbol asks for its name joined to its version.
    return wanted == nullptr || wanted->may_contain(name.substr(0, name.rfind('@')));
}

} // namespace

Expected<SymbolsFile> parse_symbols(std::string_view text, std::string_view origin,
                                    const SymbolNames* wanted)
{
    SymbolsFile file;
    SmallestMinver smallest;
    std::size_t body = 0; // where the current object's lines start
    const auto finish_object = [&](std::size_t end)
    {
        if (!file.objects.empty())
        {
            smallest.finish(text.substr(body, end - body), file.objects.back());
        }
    };
    std::size_t number = 0;
    for (std::size_t pos = 0; pos <= text.size();)
    {
        const auto end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        const std::size_t line_start = pos;
        pos = end + 1;
        ++number;
        const auto trimmed = trim_spaces(line);
        if (trimmed.empty() || line.starts_with('#'))
        {
            continue;
        }
        const bool indented = line.starts_with(' ') || line.starts_with('\t');
        if (!indented && !line.starts_with('|') && !line.starts_with('*'))
        {
            finish_object(line_start);
            body = std::min(pos, text.size());
            const auto space = line.find_first_of(" \t");
            SymbolsObject& object = file.objects.emplace_back();
            object.soname = line.substr(0, space);
            object.dependencies.emplace_back(
                space == std::string_view::npos ? "" : trim_spaces(line.substr(space)));
            continue;
        }
        if (file.objects.empty())
        {
            return fail(std::string(origin) + ":" + std::to_string(number) +
                        ": a symbols line before any library line; see deb-symbols(5)");
        }
        SymbolsObject& object = file.objects.back();
        if (line.starts_with('|'))
        {
            object.dependencies.emplace_back(trim_spaces(line.substr(1)));
        }
        else if (line.starts_with('*'))
        {
            if (const auto colon = line.find(':'); colon != std::string_view::npos)
            {
                object.fields[std::string(trim_spaces(line.substr(1, colon - 1)))] =
                    std::string(trim_spaces(line.substr(colon + 1)));
            }
        }
        else
        {
            SymbolLine symbol;
            const auto kind = split_symbol_line(trimmed, symbol);
            if (kind == LineKind::malformed)
            {
                return fail(std::string(origin) + ":" + std::to_string(number) +
                            ": cannot parse the symbol line '" + std::string(trimmed) +
                            "'; see deb-symbols(5)");
            }
            if (kind == LineKind::symbol)
            {
                smallest.add(symbol);
                if (kept(symbol.name, wanted))
                {
                    object.symbols.insert_or_assign(
                        std::string(symbol.name),
                        SymbolEntry{std::string(symbol.minver), symbol.dep_id});
                }
            }
        }
    }
    finish_object(text.size());
    return file;
}

std::string smallest_version(const SymbolsObject& object, std::size_t dep_id)
{
    const auto it = object.smallest.find(dep_id);
    return it == object.smallest.end() ? "" : it->second;
}

} // namespace pydeb::depmap
