// JSON text (RFC 8259) from a small value tree, for the documents pydeb writes for tools (the
// SPDX SBOM, `pydeb explain --json`). Objects keep their members in insertion order, so the caller
// decides the order and the same value always gives the same bytes.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pydeb::util::json
{

class Value;
using Array = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>;

class Value
{
public:
    Value() = default; // null
    Value(std::nullptr_t) {}
    Value(bool value) : m_value(value) {}
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    Value(T value) : m_value(static_cast<std::int64_t>(value))
    {
    }
    Value(std::string value) : m_value(std::move(value)) {}
    Value(std::string_view value) : m_value(std::string(value)) {}
    Value(const char* value) : m_value(std::string(value)) {}
    Value(Array value) : m_value(std::move(value)) {}
    Value(Object value) : m_value(std::move(value)) {}

    using Variant = std::variant<std::nullptr_t, bool, std::int64_t, std::string, Array, Object>;
    [[nodiscard]] const Variant& variant() const { return m_value; }

private:
    Variant m_value = nullptr;
};

// `text` as a JSON string, quotes included. Control characters are escaped (RFC 8259 §7); bytes
// that are not UTF-8 become U+FFFD, so the output is always valid JSON text (§8.1: UTF-8).
[[nodiscard]] std::string quote(std::string_view text);

// Pretty-printed with two-space indents and a final newline; empty arrays and objects as [] / {}.
[[nodiscard]] std::string dump(const Value& value);

} // namespace pydeb::util::json
