// PEP 503 project pages: every <a href> is a file; data-requires-python (PEP 503), data-yanked
// (PEP 592), data-core-metadata / data-dist-info-metadata (PEP 714 / PEP 658) qualify it. Only
// anchors and their attributes matter, so this reads the HTML5 tokenizer's subset that carries
// them (WHATWG HTML §13.2.5: tags, attributes in the three quoting forms, comments, character
// references), like pip's html.parser-based collector.
#include "sources/simple_page.hpp"
#include "util/strings.hpp"

#include <cctype>
#include <map>

namespace pydeb::sources
{

namespace
{

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void append_utf8(std::string& out, unsigned long code)
{
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
    {
        out += "\xEF\xBF\xBD"; // U+FFFD, as the HTML tokenizer substitutes
    }
    else if (code < 0x80)
    {
        out += static_cast<char>(code);
    }
    else if (code < 0x800)
    {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    else if (code < 0x10000)
    {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// Character references in an attribute value: numeric ones and the named ones an index writes
// (&lt; in "&lt;4,&gt;=3.8"); an unknown name is kept as written.
std::string decode_references(std::string_view text)
{
    static const std::map<std::string_view, char> k_named = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const std::size_t semi = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
        if (semi == std::string_view::npos || semi - i > 10)
        {
            out += text[i];
            continue;
        }
        const std::string_view name = text.substr(i + 1, semi - i - 1);
        if (name.size() > 1 && name[0] == '#')
        {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string digits(name.substr(hex ? 2 : 1));
            if (!digits.empty() &&
                digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") ==
                    std::string::npos)
            {
                append_utf8(out, std::stoul(digits, nullptr, hex ? 16 : 10));
                i = semi;
                continue;
            }
        }
        else if (const auto it = k_named.find(name); it != k_named.end())
        {
            out += it->second;
            i = semi;
            continue;
        }
        out += text[i];
    }
    return out;
}

// The attributes of the tag whose name ends at `i`, up to its '>' (moved past it). nullopt when
// the page ends inside the tag.
std::optional<std::map<std::string, std::string>> read_attributes(std::string_view html,
                                                                  std::size_t& i)
{
    std::map<std::string, std::string> attributes;
    while (true)
    {
        while (i < html.size() && (is_space(html[i]) || html[i] == '/'))
        {
            ++i;
        }
        if (i >= html.size())
        {
            return std::nullopt;
        }
        if (html[i] == '>')
        {
            ++i;
            return attributes;
        }
        const std::size_t name_start = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' &&
               html[i] != '/')
        {
            ++i;
        }
        const std::string name = util::to_lower(html.substr(name_start, i - name_start));
        while (i < html.size() && is_space(html[i]))
        {
            ++i;
        }
        std::string value;
        if (i < html.size() && html[i] == '=')
        {
            ++i;
            while (i < html.size() && is_space(html[i]))
            {
                ++i;
            }
            if (i < html.size() && (html[i] == '"' || html[i] == '\''))
            {
                const std::size_t close = html.find(html[i], i + 1);
                if (close == std::string_view::npos)
                {
                    return std::nullopt;
                }
                value = decode_references(html.substr(i + 1, close - i - 1));
                i = close + 1;
            }
            else
            {
                const std::size_t start = i;
                while (i < html.size() && !is_space(html[i]) && html[i] != '>')
                {
                    ++i;
                }
                value = decode_references(html.substr(start, i - start));
            }
        }
        attributes.try_emplace(name, std::move(value)); // the first of a duplicate wins (HTML5)
    }
}

IndexLink link_from(const std::map<std::string, std::string>& attributes)
{
    IndexLink link;
    take_fragment(link, attributes.at("href"));
    if (const auto it = attributes.find("data-requires-python"); it != attributes.end())
    {
        link.requires_python = it->second;
    }
    if (const auto it = attributes.find("data-yanked"); it != attributes.end())
    {
        link.yanked = it->second;
    }
    for (const char* key : {"data-core-metadata", "data-dist-info-metadata"})
    {
        const auto it = attributes.find(key);
        if (it == attributes.end())
        {
            continue;
        }
        // "true", or "<hashname>=<hashvalue>" of the metadata file (PEP 658).
        link.has_metadata = it->second != "false";
        if (it->second.starts_with("sha256=") && it->second.size() == 7 + 64 &&
            it->second.find_first_not_of("0123456789abcdefABCDEF", 7) == std::string::npos)
        {
            link.metadata_sha256 = util::to_lower(std::string_view(it->second).substr(7));
        }
        break;
    }
    return link;
}

} // namespace

Expected<std::vector<IndexLink>> parse_simple_html(std::string_view html, std::string_view where)
{
    std::vector<IndexLink> links;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos)
    {
        if (html.substr(i, 4) == "<!--")
        {
            const std::size_t end = html.find("-->", i + 4);
            if (end == std::string_view::npos)
            {
                return fail(std::string(where) + ": malformed HTML: a comment is not closed");
            }
            i = end + 3;
            continue;
        }
        const bool anchor = i + 2 < html.size() && (html[i + 1] == 'a' || html[i + 1] == 'A') &&
                            (is_space(html[i + 2]) || html[i + 2] == '>');
        i += anchor ? 2 : 1;
        if (!anchor)
        {
            continue;
        }
        auto attributes = read_attributes(html, i);
        if (!attributes)
        {
            return fail(std::string(where) + ": malformed HTML: the page ends inside an <a> tag");
        }
        if (attributes->contains("href") && !attributes->at("href").empty())
        {
            auto link = link_from(*attributes);
            if (PYDEB_TRY(names_a_file(link, where)))
            {
                links.push_back(std::move(link));
            }
        }
    }
    return links;
}

} // namespace pydeb::sources
