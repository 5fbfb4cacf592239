// Typed reads from a yaml-cpp tree that never throw and never stop at the first problem: each
// problem is recorded with its location, so `pydeb validate` reports all of them at once.
#pragma once

#include "spec/spec.hpp"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pydeb::spec
{

struct Diagnostic
{
    Location where;
    std::string message;
};

class YamlReader
{
public:
    explicit YamlReader(std::string file) : m_file(std::move(file)) {}

    [[nodiscard]] Location where(const YAML::Node& node) const;
    void report(const YAML::Node& node, std::string message);
    void report(Location where, std::string message);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

    // Reports keys that are not in `allowed` (with a did-you-mean) and keys given twice.
    void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                    std::string_view context);
    // Each returns nullopt (and reports) when the node has the wrong type.
    [[nodiscard]] std::optional<std::string> string(const YAML::Node& node, std::string_view key);
    // A single string is accepted where a list is expected ("wheelhouse: wheels/").
    [[nodiscard]] std::optional<std::vector<std::string>> string_list(const YAML::Node& node,
                                                                      std::string_view key);
    [[nodiscard]] std::optional<bool> boolean(const YAML::Node& node, std::string_view key);

    template <typename E>
    [[nodiscard]] std::optional<E> choice(const YAML::Node& node, std::string_view key,
                                          std::initializer_list<std::pair<std::string_view, E>> options)
    {
        const auto text = string(node, key);
        if (!text)
        {
            return std::nullopt;
        }
        std::string names;
        for (const auto& [name, value] : options)
        {
            if (name == *text)
            {
                return value;
            }
            names += names.empty() ? "" : ", ";
            names += name;
        }
        report(node, "'" + std::string(key) + "' must be one of: " + names + " (got '" + *text + "')");
        return std::nullopt;
    }

private:
    std::string m_file;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace pydeb::spec
