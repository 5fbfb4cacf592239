// SPDX 2.3 Annex D license expressions: the grammar over the SPDX License List's identifiers.
#include "sbom/license.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace pydeb::sbom
{

namespace
{

#include "sbom/spdx_ids.inc"

// idstring = 1*(ALPHA / DIGIT / "-" / ".") (Annex D.4).
bool is_idstring(std::string_view text)
{
    return !text.empty() && std::ranges::all_of(text, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.';
    });
}

template <std::size_t N>
std::optional<std::string_view> find_id(const std::array<std::string_view, N>& ids,
                                        std::string_view text)
{
    // Annex D.2: identifiers are matched case-insensitively.
    const std::string wanted = util::to_lower(text);
    for (const std::string_view id : ids)
    {
        if (id.size() == wanted.size() && util::to_lower(id) == wanted)
        {
            return id;
        }
    }
    return std::nullopt;
}

std::vector<std::string> tokenize(std::string_view text)
{
    std::vector<std::string> tokens;
    std::string current;
    const auto flush = [&] {
        if (!current.empty())
        {
            tokens.push_back(std::move(current));
            current.clear();
        }
    };
    for (const char c : text)
    {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
            flush();
        }
        else if (c == '(' || c == ')')
        {
            flush();
            tokens.emplace_back(1, c);
        }
        else
        {
            current += c;
        }
    }
    flush();
    return tokens;
}

// Recursive descent over Annex D.4's grammar; WITH binds tighter than AND, AND than OR (D.4.4).
// Operators are upper-case in D.4; all-lower-case ones ("mit or apache-2.0") are taken too, as
// PEP 639 metadata and the license-expression library do, and written upper-case. Mixed case
// ("Or") is no operator. Writes the canonical form to m_out.
class Parser
{
public:
    explicit Parser(std::vector<std::string> tokens) : m_tokens(std::move(tokens)) {}

    std::optional<std::string> parse()
    {
        if (!expression() || m_next != m_tokens.size())
        {
            return std::nullopt;
        }
        return m_out;
    }

private:
    [[nodiscard]] std::string_view peek() const
    {
        if (m_next == m_tokens.size())
        {
            return {};
        }
        const std::string_view token = m_tokens[m_next];
        for (const std::string_view op : {"AND", "OR", "WITH"})
        {
            if (token == util::to_lower(op))
            {
                return op;
            }
        }
        return token;
    }

    bool binary(std::string_view op, bool (Parser::*operand)())
    {
        if (!(this->*operand)())
        {
            return false;
        }
        while (peek() == op)
        {
            ++m_next;
            m_out += " " + std::string(op) + " ";
            if (!(this->*operand)())
            {
                return false;
            }
        }
        return true;
    }

    bool expression() { return binary("OR", &Parser::conjunction); }
    bool conjunction() { return binary("AND", &Parser::term); }

    bool term()
    {
        if (peek() == "(")
        {
            ++m_next;
            m_out += "(";
            if (!expression() || peek() != ")")
            {
                return false;
            }
            ++m_next;
            m_out += ")";
            return true;
        }
        if (!simple())
        {
            return false;
        }
        if (peek() == "WITH")
        {
            ++m_next;
            const auto exception = find_id(k_exception_ids, peek());
            if (!exception)
            {
                return false;
            }
            ++m_next;
            m_out += " WITH " + std::string(*exception);
        }
        return true;
    }

    // license-id ["+"] / ["DocumentRef-" idstring ":"] "LicenseRef-" idstring
    bool simple()
    {
        const std::string_view token = peek();
        if (token.empty() || token == "(" || token == ")" || token == "AND" || token == "OR" ||
            token == "WITH")
        {
            return false;
        }
        ++m_next;
        std::string_view reference = token;
        if (reference.starts_with("DocumentRef-"))
        {
            const std::size_t colon = reference.find(':');
            if (colon == std::string_view::npos || !is_idstring(reference.substr(12, colon - 12)))
            {
                return false;
            }
            reference.remove_prefix(colon + 1);
            if (!reference.starts_with("LicenseRef-"))
            {
                return false;
            }
        }
        if (reference.starts_with("LicenseRef-"))
        {
            if (!is_idstring(reference.substr(11)))
            {
                return false;
            }
            m_out += token;
            return true;
        }
        const bool or_later = token.ends_with('+');
        const auto id =
            find_id(k_license_ids, or_later ? token.substr(0, token.size() - 1) : token);
        if (!id)
        {
            return false;
        }
        m_out += std::string(*id) + (or_later ? "+" : "");
        return true;
    }

    std::vector<std::string> m_tokens;
    std::size_t m_next = 0;
    std::string m_out;
};

} // namespace

std::optional<std::string> canonical_expression(std::string_view text)
{
    return Parser(tokenize(text)).parse();
}

} // namespace pydeb::sbom
