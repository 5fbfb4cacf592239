#include "spec/yaml_reader.hpp"

#include "util/strings.hpp"

#include <set>

namespace pydeb::spec
{

std::string Location::to_string() const
{
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

Location YamlReader::where(const YAML::Node& node) const
{
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0)
    {
        return Location{m_file, 1, 1};
    }
    return Location{m_file, mark.line + 1, mark.column + 1};
}

void YamlReader::report(const YAML::Node& node, std::string message)
{
    report(where(node), std::move(message));
}

void YamlReader::report(Location where, std::string message)
{
    m_diagnostics.push_back(Diagnostic{std::move(where), std::move(message)});
}

void YamlReader::check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                            std::string_view context)
{
    std::set<std::string> seen;
    for (const auto& item : map)
    {
        if (!item.first.IsScalar())
        {
            report(item.first, "keys in " + std::string(context) + " must be plain strings");
            continue;
        }
        const std::string key = item.first.Scalar();
        if (!seen.insert(key).second)
        {
            report(item.first, "'" + key + "' is given twice in " + std::string(context));
            continue;
        }
        bool known = false;
        std::string_view best;
        std::size_t best_distance = 3; // suggest only close spellings
        for (std::string_view candidate : allowed)
        {
            if (candidate == key)
            {
                known = true;
                break;
            }
            const std::size_t distance = util::edit_distance(key, candidate);
            if (distance < best_distance)
            {
                best_distance = distance;
                best = candidate;
            }
        }
        if (known)
        {
            continue;
        }
        std::string message = "unknown key '" + key + "' in " + std::string(context);
        if (!best.empty())
        {
            message += "; did you mean '" + std::string(best) + "'?";
        }
        else
        {
            std::vector<std::string> names(allowed.begin(), allowed.end());
            message += " (known keys: " + util::join(names, ", ") + ")";
        }
        report(item.first, std::move(message));
    }
}

std::optional<std::string> YamlReader::string(const YAML::Node& node, std::string_view key)
{
    if (!node.IsScalar())
    {
        report(node, "'" + std::string(key) + "' must be a string");
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<std::vector<std::string>> YamlReader::string_list(const YAML::Node& node,
                                                                std::string_view key)
{
    if (node.IsNull())
    {
        return std::vector<std::string>{};
    }
    if (node.IsScalar())
    {
        return std::vector<std::string>{node.Scalar()};
    }
    if (!node.IsSequence())
    {
        report(node, "'" + std::string(key) + "' must be a list of strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& item : node)
    {
        if (!item.IsScalar())
        {
            report(item, "each entry of '" + std::string(key) + "' must be a string");
            ok = false;
            continue;
        }
        out.push_back(item.Scalar());
    }
    return ok ? std::optional(out) : std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view key)
{
    bool value = false;
    if (node.IsScalar() && YAML::convert<bool>::decode(node, value))
    {
        return value;
    }
    report(node, "'" + std::string(key) + "' must be true or false");
    return std::nullopt;
}

} // namespace pydeb::spec
