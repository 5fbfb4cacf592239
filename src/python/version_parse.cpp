// PEP 440 parsing. A hand-written scanner equivalent to packaging.version's VERSION_PATTERN
// (matched case-insensitively between optional whitespace), including where that regex
// backtracks: a separator is consumed only when what follows it completes the segment.
#include "python/version.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <span>

namespace pydeb::python
{
namespace
{

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool is_separator(char c)
{
    return c == '-' || c == '_' || c == '.';
}

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The input lower-cased (PEP 440 "Case sensitivity") with a position; no allocation per step.
class Scanner
{
public:
    explicit Scanner(std::string text) : m_text(std::move(text)) {}

    [[nodiscard]] bool at_end() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    [[nodiscard]] std::size_t position() const { return m_pos; }
    [[nodiscard]] std::string_view rest() const { return std::string_view(m_text).substr(m_pos); }
    void rewind(std::size_t pos) { m_pos = pos; }
    void skip(std::size_t count = 1) { m_pos += count; }

    bool accept(std::string_view word)
    {
        if (std::string_view(m_text).substr(m_pos).starts_with(word))
        {
            m_pos += word.size();
            return true;
        }
        return false;
    }

    // Digits at the cursor as a number; nullopt when there are none. `overflow` is set when the
    // digits do not fit 64 bits (Python's int has no limit; pydeb refuses such versions).
    std::optional<std::uint64_t> number(bool& overflow)
    {
        const std::size_t start = m_pos;
        while (is_digit(peek()))
        {
            ++m_pos;
        }
        if (start == m_pos)
        {
            return std::nullopt;
        }
        std::uint64_t value = 0;
        const auto result = std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
        overflow = overflow || result.ec != std::errc{};
        return value;
    }

    // `[-_.]?[0-9]*` after a label: both optional, the number implicitly 0 ("1.0a." is
    // "1.0a0"). Consuming the separator never hides what follows, since every later segment
    // starts with an optional separator or "+".
    std::uint64_t label_number(bool& overflow)
    {
        if (is_separator(peek()))
        {
            skip();
        }
        return number(overflow).value_or(0);
    }

    // `[-_.]?` followed by one of `labels` (longest spellings first); the index matched.
    std::optional<std::size_t> label(std::span<const std::string_view> labels)
    {
        const std::size_t start = m_pos;
        if (is_separator(peek()))
        {
            skip();
        }
        for (std::size_t i = 0; i < labels.size(); ++i)
        {
            if (accept(labels[i]))
            {
                return i;
            }
        }
        m_pos = start;
        return std::nullopt;
    }

private:
    std::string m_text;
    std::size_t m_pos = 0;
};

constexpr std::array<std::string_view, 8> k_pre_labels = {"preview", "alpha", "beta", "pre",
                                                          "rc",      "a",     "b",    "c"};
constexpr std::array<PreKind, 8> k_pre_kinds = {PreKind::rc,   PreKind::alpha, PreKind::beta,
                                                PreKind::rc,   PreKind::rc,    PreKind::alpha,
                                                PreKind::beta, PreKind::rc};
constexpr std::array<std::string_view, 3> k_post_labels = {"post", "rev", "r"};
constexpr std::array<std::string_view, 1> k_dev_labels = {"dev"};

std::string lowered_trimmed(std::string_view text)
{
    while (!text.empty() && is_space(text.front()))
    {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back()))
    {
        text.remove_suffix(1);
    }
    std::string out(text);
    for (char& c : out)
    {
        if (c >= 'A' && c <= 'Z')
        {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

} // namespace

Expected<Version> Version::parse(std::string_view text)
{
    const auto invalid = [&](std::string_view why)
    {
        return fail("'" + std::string(text) + "' is not a valid PEP 440 version (" +
                    std::string(why) + "); expected a form like 1.2.3, 1.0rc1, 2!1.0.post1.dev2");
    };
    Scanner in(lowered_trimmed(text));
    bool overflow = false;
    Version v;
    v.m_release.clear();

    if (in.peek() == 'v')
    {
        in.skip();
    }
    auto first = in.number(overflow);
    if (!first)
    {
        return invalid("it must start with a number");
    }
    if (in.peek() == '!')
    {
        in.skip();
        v.m_epoch = *first;
        first = in.number(overflow);
        if (!first)
        {
            return invalid("a release number must follow the epoch '!'");
        }
    }
    v.m_release.push_back(*first);
    while (in.peek() == '.' && is_digit(in.peek(1)))
    {
        in.skip();
        v.m_release.push_back(*in.number(overflow));
    }

    if (const auto pre = in.label(k_pre_labels))
    {
        v.m_pre = PreRelease{k_pre_kinds[*pre], in.label_number(overflow)};
    }
    if (in.peek() == '-' && is_digit(in.peek(1)))
    {
        in.skip(); // implicit post release: "1.0-1" is "1.0.post1"
        v.m_post = in.number(overflow);
    }
    else if (in.label(k_post_labels))
    {
        v.m_post = in.label_number(overflow);
    }
    if (in.label(k_dev_labels))
    {
        v.m_dev = in.label_number(overflow);
    }

    if (in.peek() == '+')
    {
        in.skip();
        // [a-z0-9]+([-_.][a-z0-9]+)*: each part is a number when all digits (PEP 440).
        while (true)
        {
            const std::size_t start = in.position();
            bool digits_only = true;
            std::string part;
            while (is_digit(in.peek()) || (in.peek() >= 'a' && in.peek() <= 'z'))
            {
                digits_only = digits_only && is_digit(in.peek());
                part.push_back(in.peek());
                in.skip();
            }
            if (part.empty())
            {
                return invalid("empty local version segment");
            }
            if (digits_only)
            {
                in.rewind(start);
                v.m_local.emplace_back(*in.number(overflow));
            }
            else
            {
                v.m_local.emplace_back(std::move(part));
            }
            if (!is_separator(in.peek()))
            {
                break;
            }
            in.skip();
        }
    }

    if (!in.at_end())
    {
        return invalid("unexpected '" + std::string(in.rest()) + "'");
    }
    if (overflow)
    {
        return invalid("a number does not fit in 64 bits");
    }
    return v;
}

} // namespace pydeb::python
