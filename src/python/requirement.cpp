// PEP 508 dependency specifications, following the grammar packaging's _parser implements:
//   requirement = WS? NAME WS? extras? WS? details
//   details     = AT WS? URL (WS marker_part?)? | specifier? marker_part?
//   extras      = '[' WS? (NAME (WS? ',' WS? NAME)*)? WS? ']'
//   specifier   = '(' WS? version_many WS? ')' | version_many
//   marker_part = ';' marker
#include "python/requirement.hpp"

#include "python/name.hpp"

#include <algorithm>

namespace pydeb::python
{
namespace
{

bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_name_char(char c)
{
    return is_alnum(c) || c == '-' || c == '_' || c == '.';
}

// packaging's check: a scheme, and a host unless the scheme is "file" (RFC 3986 scheme syntax).
bool is_url(std::string_view url)
{
    const std::size_t colon = url.find(':');
    const bool letter = (url[0] >= 'a' && url[0] <= 'z') || (url[0] >= 'A' && url[0] <= 'Z');
    if (colon == std::string_view::npos || colon == 0 || !letter ||
        !std::ranges::all_of(url.substr(0, colon), [](char c)
                             { return is_alnum(c) || c == '+' || c == '-' || c == '.'; }))
    {
        return false;
    }
    if (url.substr(0, colon) == "file")
    {
        return true;
    }
    const std::string_view rest = url.substr(colon + 1);
    return rest.starts_with("//") && rest.size() > 2 && rest[2] != '/';
}

class Parser
{
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Expected<Requirement> parse()
    {
        Requirement req;
        skip_space();
        req.name = PYDEB_TRY(name("a package name at the start"));
        skip_space();
        if (peek() == '[')
        {
            ++m_pos;
            if (auto parsed = extras(req); !parsed)
            {
                return std::unexpected(std::move(parsed).error());
            }
        }
        skip_space();
        if (peek() == '@')
        {
            ++m_pos;
            skip_space();
            const std::size_t start = m_pos;
            while (m_pos < m_text.size() && peek() != ' ' && peek() != '\t')
            {
                ++m_pos;
            }
            if (start == m_pos)
            {
                return error("expected a URL after '@'");
            }
            req.url = std::string(m_text.substr(start, m_pos - start));
            if (!is_url(*req.url))
            {
                m_pos = start;
                return error("expected a URL with a scheme and a host (https://host/path) or a "
                             "file: URL");
            }
            // A ';' may be part of a URL, so a marker must be separated by whitespace.
            skip_space();
            if (at_end())
            {
                return req;
            }
        }
        else
        {
            req.specifier = PYDEB_TRY(specifier());
        }
        skip_space();
        if (at_end())
        {
            return req;
        }
        if (peek() != ';')
        {
            return error(req.url ? "expected ';' and a marker after the URL"
                                 : "expected a version specifier, ';' or the end");
        }
        ++m_pos;
        auto marker = Marker::parse(m_text.substr(m_pos));
        if (!marker)
        {
            return std::unexpected(
                context("invalid requirement '" + std::string(m_text) + "'", marker.error()));
        }
        req.marker = std::move(*marker);
        return req;
    }

private:
    [[nodiscard]] bool at_end() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return at_end() ? '\0' : m_text[m_pos]; }

    std::unexpected<Error> error(std::string_view what) const
    {
        return fail("invalid requirement '" + std::string(m_text) + "': " + std::string(what) +
                    " at column " + std::to_string(m_pos + 1));
    }

    void skip_space()
    {
        while (peek() == ' ' || peek() == '\t')
        {
            ++m_pos;
        }
    }

    // A PEP 508 identifier starts and ends with a letter or digit; like packaging (whose
    // tokenizer ends names at a regex word boundary) a trailing "_" is tolerated.
    Expected<std::string> name(std::string_view what)
    {
        const std::size_t start = m_pos;
        if (!is_alnum(peek()))
        {
            return error("expected " + std::string(what));
        }
        while (is_name_char(peek()))
        {
            ++m_pos;
        }
        while (m_text[m_pos - 1] == '-' || m_text[m_pos - 1] == '.')
        {
            --m_pos;
        }
        return std::string(m_text.substr(start, m_pos - start));
    }

    Expected<void> extras(Requirement& req)
    {
        skip_space();
        if (peek() == ']')
        {
            ++m_pos;
            return {};
        }
        while (true)
        {
            skip_space();
            req.extras.insert(normalize_name(PYDEB_TRY(name("an extra name"))));
            skip_space();
            if (peek() == ',')
            {
                ++m_pos;
                continue;
            }
            if (peek() == ']')
            {
                ++m_pos;
                return {};
            }
            return error(is_alnum(peek()) ? "expected ',' between extra names"
                                          : "expected ',' or ']' after an extra name");
        }
    }

    // version_many, optionally in parentheses: clauses end at ',', ';', ')' or whitespace.
    Expected<SpecifierSet> specifier()
    {
        const bool parenthesized = peek() == '(';
        if (parenthesized)
        {
            ++m_pos;
        }
        std::vector<Specifier> clauses;
        while (true)
        {
            skip_space();
            const std::size_t start = m_pos;
            while (peek() == '<' || peek() == '>' || peek() == '=' || peek() == '!' ||
                   peek() == '~')
            {
                ++m_pos;
            }
            if (start == m_pos)
            {
                break; // none at all, or after a trailing ',' (packaging accepts ">=1.0,")
            }
            skip_space();
            while (!at_end() && peek() != ',' && peek() != ';' && peek() != ')' && peek() != ' ' &&
                   peek() != '\t')
            {
                ++m_pos;
            }
            auto clause = Specifier::parse(m_text.substr(start, m_pos - start));
            if (!clause)
            {
                m_pos = start;
                return error(clause.error().message);
            }
            clauses.push_back(std::move(*clause));
            skip_space();
            if (peek() != ',')
            {
                break;
            }
            ++m_pos;
        }
        if (parenthesized)
        {
            skip_space();
            if (peek() != ')')
            {
                return error("expected ')' after the version specifier");
            }
            ++m_pos;
        }
        std::string joined;
        for (const Specifier& clause : clauses)
        {
            joined += (joined.empty() ? "" : ",") + clause.to_string();
        }
        return SpecifierSet::parse(joined); // sorted and deduplicated like packaging
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

Expected<Requirement> Requirement::parse(std::string_view text)
{
    return Parser(text).parse();
}

std::string Requirement::to_string() const
{
    std::string out = name;
    if (!extras.empty())
    {
        out += "[";
        for (std::string extra : extras)
        {
            // A normalized extra ends in "-" only when it was written with a trailing "_", which
            // parse() tolerates as packaging does (a trailing "-" it refuses): write it that way,
            // so the text parses back (pydeb.lock keeps requirements as this text).
            if (extra.ends_with('-'))
            {
                extra.back() = '_';
            }
            out += (out.back() == '[' ? "" : ",") + extra;
        }
        out += "]";
    }
    out += specifier.to_string();
    if (url)
    {
        out += "@ " + *url;
        if (marker)
        {
            out += " ";
        }
    }
    if (marker)
    {
        out += "; " + marker->to_string();
    }
    return out;
}

std::string Requirement::normalized_name() const
{
    return normalize_name(name);
}

} // namespace pydeb::python
