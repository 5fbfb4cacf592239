// PEP 508 marker grammar (the "marker" rules of the spec's complete grammar), as a small
// recursive-descent parser over packaging's token set:
//   marker      = marker_atom (BOOLOP marker_atom)*
//   marker_atom = '(' marker ')' | marker_var marker_op marker_var
//   marker_var  = VARIABLE | QUOTED_STRING
#include "python/marker.hpp"
#include "python/marker_tree.hpp"
#include "python/name.hpp"

#include <array>
#include <optional>

namespace pydeb::python
{
namespace
{

// PEP 508 variables, and the legacy spellings packaging still accepts mapped to them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> k_variables = {{
    {"python_version", "python_version"},
    {"python_full_version", "python_full_version"},
    {"os_name", "os_name"},
    {"os.name", "os_name"},
    {"sys_platform", "sys_platform"},
    {"sys.platform", "sys_platform"},
    {"platform_release", "platform_release"},
    {"platform_system", "platform_system"},
    {"platform_version", "platform_version"},
    {"platform.version", "platform_version"},
    {"platform_machine", "platform_machine"},
    {"platform.machine", "platform_machine"},
    {"platform_python_implementation", "platform_python_implementation"},
    {"platform.python_implementation", "platform_python_implementation"},
    {"python_implementation", "platform_python_implementation"},
    {"implementation_name", "implementation_name"},
    {"implementation_version", "implementation_version"},
    {"extra", "extra"},
}};

// Longest first so "===" is not read as "==".
constexpr std::array<std::pair<std::string_view, MarkerOp>, 8> k_ops = {{
    {"===", MarkerOp::arbitrary},
    {"==", MarkerOp::equal},
    {"~=", MarkerOp::compatible},
    {"!=", MarkerOp::not_equal},
    {"<=", MarkerOp::less_equal},
    {">=", MarkerOp::greater_equal},
    {"<", MarkerOp::less},
    {">", MarkerOp::greater},
}};

bool is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.';
}

class Parser
{
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Expected<MarkerNode> parse()
    {
        MarkerNode root = PYDEB_TRY(marker());
        skip_space();
        if (m_pos < m_text.size())
        {
            return error("expected 'and', 'or' or the end of the marker");
        }
        return root;
    }

private:
    std::unexpected<Error> error(std::string_view what) const
    {
        return fail("invalid marker '" + std::string(m_text) + "': " + std::string(what) +
                    " at column " + std::to_string(m_pos + 1));
    }

    void skip_space()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
        {
            ++m_pos;
        }
    }

    // The word at the cursor ([A-Za-z0-9_.]+), without consuming it.
    std::string_view word() const
    {
        std::size_t end = m_pos;
        while (end < m_text.size() && is_word(m_text[end]))
        {
            ++end;
        }
        return m_text.substr(m_pos, end - m_pos);
    }

    std::optional<BoolOp> bool_op()
    {
        skip_space();
        const std::string_view w = word();
        if (w == "and" || w == "or")
        {
            m_pos += w.size();
            return w == "and" ? BoolOp::and_ : BoolOp::or_;
        }
        return std::nullopt;
    }

    Expected<MarkerNode> marker()
    {
        MarkerNode group;
        group.items.push_back(PYDEB_TRY(atom()));
        while (const auto op = bool_op())
        {
            group.ops.push_back(*op);
            group.items.push_back(PYDEB_TRY(atom()));
        }
        return group;
    }

    Expected<MarkerNode> atom()
    {
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == '(')
        {
            // Markers come from wheel metadata: bound the recursion instead of the stack.
            if (++m_depth > k_max_depth)
            {
                return error("parentheses nested too deeply");
            }
            ++m_pos;
            MarkerNode inner = PYDEB_TRY(marker());
            --m_depth;
            skip_space();
            if (m_pos >= m_text.size() || m_text[m_pos] != ')')
            {
                return error("expected ')' to close the '(' ");
            }
            ++m_pos;
            return inner;
        }
        MarkerNode item;
        item.expression.lhs = PYDEB_TRY(value());
        item.expression.op = PYDEB_TRY(op());
        item.expression.rhs = PYDEB_TRY(value());
        normalize_extra(item.expression);
        return item;
    }

    Expected<MarkerValue> value()
    {
        skip_space();
        if (m_pos < m_text.size() && (m_text[m_pos] == '"' || m_text[m_pos] == '\''))
        {
            const char quote = m_text[m_pos];
            const std::size_t close = m_text.find(quote, m_pos + 1);
            if (close == std::string_view::npos)
            {
                return error("unterminated string");
            }
            MarkerValue v{MarkerValue::Kind::literal,
                          std::string(m_text.substr(m_pos + 1, close - m_pos - 1))};
            m_pos = close + 1;
            return v;
        }
        const std::string_view w = word();
        for (const auto& [spelling, canonical] : k_variables)
        {
            if (w == spelling)
            {
                m_pos += w.size();
                return MarkerValue{MarkerValue::Kind::variable, std::string(canonical)};
            }
        }
        return error("expected a marker variable (python_version, sys_platform, extra, ...) or "
                     "a quoted string");
    }

    Expected<MarkerOp> op()
    {
        skip_space();
        const std::string_view w = word();
        if (w == "in")
        {
            m_pos += 2;
            return MarkerOp::in;
        }
        if (w == "not")
        {
            m_pos += 3;
            skip_space();
            if (word() != "in")
            {
                return error("expected 'in' after 'not'");
            }
            m_pos += 2;
            return MarkerOp::not_in;
        }
        for (const auto& [symbol, op] : k_ops)
        {
            if (m_text.substr(m_pos).starts_with(symbol))
            {
                m_pos += symbol.size();
                return op;
            }
        }
        return error("expected a marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, "
                     "not in");
    }

    // PEP 685: extra names compare normalized, so store `extra == "Foo_Bar"` as "foo-bar".
    static void normalize_extra(MarkerExpression& e)
    {
        const auto is_extra = [](const MarkerValue& v)
        { return v.kind == MarkerValue::Kind::variable && v.text == "extra"; };
        if (is_extra(e.lhs) && e.rhs.kind == MarkerValue::Kind::literal)
        {
            e.rhs.text = normalize_name(e.rhs.text);
        }
        else if (is_extra(e.rhs) && e.lhs.kind == MarkerValue::Kind::literal)
        {
            e.lhs.text = normalize_name(e.lhs.text);
        }
    }

    static constexpr int k_max_depth = 100;

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

Expected<Marker> Marker::parse(std::string_view text)
{
    MarkerNode root = PYDEB_TRY(Parser(text).parse());
    return Marker(std::make_shared<const MarkerNode>(std::move(root)));
}

} // namespace pydeb::python
