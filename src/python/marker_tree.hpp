// The parsed form of a PEP 508 marker, shared by marker_parse.cpp and marker.cpp (private to
// src/python; callers use python::Marker).
#pragma once

#include <string>
#include <vector>

namespace pydeb::python
{

enum class MarkerOp
{
    equal,
    not_equal,
    less,
    less_equal,
    greater,
    greater_equal,
    compatible,
    arbitrary,
    in,
    not_in,
};

enum class BoolOp
{
    and_,
    or_,
};

// A variable (by its canonical PEP 508 name, legacy spellings replaced) or a string literal.
struct MarkerValue
{
    enum class Kind
    {
        variable,
        literal,
    };
    Kind kind = Kind::literal;
    std::string text;
};

struct MarkerExpression
{
    MarkerValue lhs;
    MarkerOp op = MarkerOp::equal;
    MarkerValue rhs;
};

// Either one expression (`items` empty) or a group `items[0] ops[0] items[1] ...` as packaging
// keeps it: a parenthesized sub-marker is a nested group, and `and` binds tighter than `or`
// when a group is evaluated.
struct MarkerNode
{
    MarkerExpression expression;
    std::vector<MarkerNode> items;
    std::vector<BoolOp> ops;

    [[nodiscard]] bool is_group() const { return !items.empty(); }
};

[[nodiscard]] std::string_view marker_op_symbol(MarkerOp op);

} // namespace pydeb::python
