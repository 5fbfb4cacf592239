// PEP 508 marker evaluation and printing (packaging.markers semantics).
#include "python/marker.hpp"

#include "python/marker_tree.hpp"
#include "python/name.hpp"
#include "python/specifier.hpp"

#include <algorithm>

namespace pydeb::python
{
namespace
{

// packaging's _eval_op: a version comparison when `op rhs` is a valid specifier and `lhs` a
// valid version (pre-releases allowed: `python_full_version >= "3.13.0a1"`), else Python's
// string operators; `in` is substring containment.
bool compare(std::string_view lhs, MarkerOp op, std::string_view rhs)
{
    switch (op)
    {
    case MarkerOp::in:
        return rhs.find(lhs) != std::string_view::npos;
    case MarkerOp::not_in:
        return rhs.find(lhs) == std::string_view::npos;
    default:
        break;
    }
    const auto spec = Specifier::parse(std::string(marker_op_symbol(op)) + std::string(rhs));
    const auto version = Version::parse(lhs);
    if (spec && version)
    {
        return spec->contains(*version);
    }
    switch (op)
    {
    case MarkerOp::equal:
    case MarkerOp::arbitrary:
        return lhs == rhs;
    case MarkerOp::not_equal:
        return lhs != rhs;
    case MarkerOp::less:
        return lhs < rhs;
    case MarkerOp::less_equal:
        return lhs <= rhs;
    case MarkerOp::greater:
        return lhs > rhs;
    case MarkerOp::greater_equal:
        return lhs >= rhs;
    default:
        return false; // ~= on strings is undefined (packaging raises UndefinedComparison)
    }
}

bool is_extra(const MarkerValue& v)
{
    return v.kind == MarkerValue::Kind::variable && v.text == "extra";
}

bool evaluate_expression(const MarkerExpression& e, const MarkerEnvironment& environment,
                         const std::set<std::string>& extras)
{
    if (is_extra(e.lhs) || is_extra(e.rhs))
    {
        // pip evaluates a requirement once per requested extra (and once with extra == ""):
        // a positive test holds when one extra satisfies it, a negative one when all do.
        std::vector<std::string> names;
        for (const std::string& extra : extras)
        {
            names.push_back(normalize_name(extra));
        }
        if (names.empty())
        {
            names.emplace_back();
        }
        const auto holds = [&](const std::string& extra)
        {
            const std::string lhs = is_extra(e.lhs) ? extra : e.lhs.text;
            const std::string rhs = is_extra(e.rhs) ? extra : e.rhs.text;
            return compare(lhs, e.op, rhs);
        };
        const bool negative = e.op == MarkerOp::not_equal || e.op == MarkerOp::not_in;
        return negative ? std::ranges::all_of(names, holds) : std::ranges::any_of(names, holds);
    }
    const auto resolve = [&](const MarkerValue& v) -> std::string_view
    {
        return v.kind == MarkerValue::Kind::literal ? std::string_view(v.text)
                                                    : environment.get(v.text).value_or("");
    };
    return compare(resolve(e.lhs), e.op, resolve(e.rhs));
}

bool evaluate_node(const MarkerNode& node, const MarkerEnvironment& environment,
                   const std::set<std::string>& extras)
{
    if (!node.is_group())
    {
        return evaluate_expression(node.expression, environment, extras);
    }
    // `and` binds tighter than `or`: any of the and-chains separated by `or` holds.
    bool chain = evaluate_node(node.items[0], environment, extras);
    for (std::size_t i = 0; i < node.ops.size(); ++i)
    {
        if (node.ops[i] == BoolOp::or_)
        {
            if (chain)
            {
                return true;
            }
            chain = evaluate_node(node.items[i + 1], environment, extras);
        }
        else
        {
            chain = chain && evaluate_node(node.items[i + 1], environment, extras);
        }
    }
    return chain;
}

std::string quote(const MarkerValue& v)
{
    if (v.kind == MarkerValue::Kind::variable)
    {
        return v.text;
    }
    // PEP 508 strings have no escapes: a value containing " is written in single quotes.
    const char q = v.text.find('"') == std::string::npos ? '"' : '\'';
    return q + v.text + q;
}

std::string format(const MarkerNode& node, bool top)
{
    if (!node.is_group())
    {
        const MarkerExpression& e = node.expression;
        return quote(e.lhs) + " " + std::string(marker_op_symbol(e.op)) + " " + quote(e.rhs);
    }
    if (node.items.size() == 1)
    {
        return format(node.items[0], top); // "((a))" prints as "a", as packaging does
    }
    std::string out = format(node.items[0], false);
    for (std::size_t i = 0; i < node.ops.size(); ++i)
    {
        out += node.ops[i] == BoolOp::and_ ? " and " : " or ";
        out += format(node.items[i + 1], false);
    }
    return top ? out : "(" + out + ")";
}

bool uses_extra(const MarkerNode& node)
{
    if (!node.is_group())
    {
        return is_extra(node.expression.lhs) || is_extra(node.expression.rhs);
    }
    return std::ranges::any_of(node.items, uses_extra);
}

} // namespace

std::string_view marker_op_symbol(MarkerOp op)
{
    switch (op)
    {
    case MarkerOp::equal:
        return "==";
    case MarkerOp::not_equal:
        return "!=";
    case MarkerOp::less:
        return "<";
    case MarkerOp::less_equal:
        return "<=";
    case MarkerOp::greater:
        return ">";
    case MarkerOp::greater_equal:
        return ">=";
    case MarkerOp::compatible:
        return "~=";
    case MarkerOp::arbitrary:
        return "===";
    case MarkerOp::in:
        return "in";
    case MarkerOp::not_in:
        return "not in";
    }
    return "==";
}

std::optional<std::string_view> MarkerEnvironment::get(std::string_view variable) const
{
    const std::pair<std::string_view, const std::string*> table[] = {
        {"implementation_name", &implementation_name},
        {"implementation_version", &implementation_version},
        {"os_name", &os_name},
        {"os.name", &os_name},
        {"platform_machine", &platform_machine},
        {"platform.machine", &platform_machine},
        {"platform_python_implementation", &platform_python_implementation},
        {"platform.python_implementation", &platform_python_implementation},
        {"python_implementation", &platform_python_implementation},
        {"platform_release", &platform_release},
        {"platform_system", &platform_system},
        {"platform_version", &platform_version},
        {"platform.version", &platform_version},
        {"python_full_version", &python_full_version},
        {"python_version", &python_version},
        {"sys_platform", &sys_platform},
        {"sys.platform", &sys_platform},
    };
    for (const auto& [name, value] : table)
    {
        if (name == variable)
        {
            return *value;
        }
    }
    return std::nullopt;
}

bool Marker::evaluate(const MarkerEnvironment& environment,
                      const std::set<std::string>& extras) const
{
    return evaluate_node(*m_root, environment, extras);
}

std::string Marker::to_string() const
{
    return format(*m_root, true);
}

bool Marker::mentions_extra() const
{
    return uses_extra(*m_root);
}

} // namespace pydeb::python
