// PEP 508 environment markers: `python_version >= "3.8" and (sys_platform == "linux" or extra ==
// "socks")`, parsed into an immutable tree and evaluated against the TARGET interpreter's
// environment (never the machine pydeb runs on).
#pragma once

#include "util/expected.hpp"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace pydeb::python
{

// The PEP 508 "Environment Markers" variables, as the target interpreter reports them.
struct MarkerEnvironment
{
    std::string implementation_name;            // sys.implementation.name: "cpython"
    std::string implementation_version;         // "3.11.2"
    std::string os_name;                        // os.name: "posix"
    std::string platform_machine;               // platform.machine(): "x86_64"
    std::string platform_python_implementation; // "CPython"
    std::string platform_release;               // platform.release(): "6.1.0-18-amd64"
    std::string platform_system;                // platform.system(): "Linux"
    std::string platform_version;               // platform.version(): "#1 SMP ..."
    std::string python_full_version;            // platform.python_version(): "3.11.2"
    std::string python_version;                 // "3.11"
    std::string sys_platform;                   // sys.platform: "linux"

    // The value of a variable by its PEP 508 name (also the legacy dotted spellings "os.name",
    // "sys.platform", "platform.machine", "platform.version", "platform.python_implementation",
    // "python_implementation"); nullopt for unknown names and for "extra".
    [[nodiscard]] std::optional<std::string_view> get(std::string_view variable) const;

    bool operator==(const MarkerEnvironment&) const = default;
};

struct MarkerNode; // the parsed tree, defined in marker.cpp

class Marker
{
public:
    // Grammar of PEP 508 "marker": or/and (and binds tighter) of `value op value` with
    // parentheses; values are variables or '…' / "…" strings; ops are the version comparisons
    // (<, <=, !=, ==, >=, >, ~=, ===), `in` and `not in`. Errors name the column.
    [[nodiscard]] static Expected<Marker> parse(std::string_view text);

    // packaging.markers semantics: when the right side (for a variable on the left) forms a
    // valid PEP 440 specifier with the operator and the other side is a valid version, compare as
    // versions (pre-releases allowed); otherwise compare strings (~= and === on strings are
    // false). `extra` compares PEP 685-normalized names: `extra == "x"` is true when "x" is in
    // `extras`, `extra != "x"` when it is not.
    [[nodiscard]] bool evaluate(const MarkerEnvironment& environment,
                                const std::set<std::string>& extras = {}) const;

    // Canonical form: double quotes, single spaces, legacy variable names replaced, parentheses
    // only where the source had them around a sub-expression: `python_version >= "3.8"`.
    [[nodiscard]] std::string to_string() const;

    // Whether any clause uses the `extra` variable (a requirement that is only for an extra).
    [[nodiscard]] bool mentions_extra() const;

    bool operator==(const Marker& other) const { return to_string() == other.to_string(); }

private:
    explicit Marker(std::shared_ptr<const MarkerNode> root) : m_root(std::move(root)) {}

    std::shared_ptr<const MarkerNode> m_root;
};

} // namespace pydeb::python
