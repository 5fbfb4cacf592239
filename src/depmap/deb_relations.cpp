#include "depmap/deb_relations.hpp"

#include "depmap/debian_version.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <optional>
#include <regex>

namespace pydeb::depmap
{

namespace
{

std::vector<std::string> split_parts(std::string_view templates)
{
    std::vector<std::string> parts;
    for (const auto& part : util::split(templates, ','))
    {
        if (auto trimmed = util::trim(part); !trimmed.empty())
        {
            parts.emplace_back(trimmed);
        }
    }
    return parts;
}

bool versioned(std::string_view minver)
{
    return !minver.empty() && minver != "0";
}

// "name (>= version)" or "name" without alternatives; nullopt for anything else.
struct Simple
{
    std::string name;
    std::string minimum; // empty: unversioned
};

std::optional<Simple> simple_relation(const std::string& relation)
{
    static const std::regex re(
        R"(^([a-z0-9][a-z0-9+.\-]*(?::[a-z0-9]+)?)(?:\s*\(>=\s*([^)\s]+)\s*\))?$)");
    std::smatch match;
    if (!std::regex_match(relation, match, re))
    {
        return std::nullopt;
    }
    return Simple{match[1].str(), match[2].str()};
}

std::string package_name(const std::string& relation)
{
    const auto end = relation.find_first_of(" (|:");
    return relation.substr(0, end);
}

} // namespace

void DependencySet::update(std::string_view templates, std::string_view minver)
{
    for (const auto& part : split_parts(templates))
    {
        auto [it, inserted] = m_minver.try_emplace(part, std::string(minver));
        if (!inserted && (it->second.empty() ||
                          (!minver.empty() && compare_debian_versions(minver, it->second) > 0)))
        {
            it->second = std::string(minver);
        }
    }
}

void DependencySet::add_unversioned(std::string_view dependency)
{
    for (const auto& part : split_parts(dependency))
    {
        m_minver.try_emplace(part, "");
    }
}

std::string DependencySet::render(const std::string& part) const
{
    auto it = m_minver.find(part);
    const std::string minver = it == m_minver.end() ? "" : it->second;
    std::string text =
        util::replace_all(part, "#MINVER#", versioned(minver) ? "(>= " + minver + ")" : "");
    text = std::regex_replace(text, std::regex(R"(\s+)"), " ");
    return std::string(util::trim(text));
}

std::vector<std::string> DependencySet::render_all() const
{
    std::vector<std::string> out;
    for (const auto& [part, minver] : m_minver)
    {
        out.push_back(render(part));
    }
    return merge_relations(out);
}

std::vector<std::string> merge_relations(const std::vector<std::string>& relations)
{
    std::vector<std::string> out;
    std::map<std::string, std::size_t> simple_index; // package -> position in out
    for (const auto& raw : relations)
    {
        const std::string relation(util::trim(raw));
        if (relation.empty() || std::ranges::find(out, relation) != out.end())
        {
            continue;
        }
        const auto simple = simple_relation(relation);
        if (!simple)
        {
            out.push_back(relation);
            continue;
        }
        auto it = simple_index.find(simple->name);
        if (it == simple_index.end())
        {
            simple_index.emplace(simple->name, out.size());
            out.push_back(relation);
            continue;
        }
        const auto kept = simple_relation(out[it->second]);
        if (!simple->minimum.empty() &&
            (kept->minimum.empty() || compare_debian_versions(simple->minimum, kept->minimum) > 0))
        {
            out[it->second] = relation;
        }
    }
    std::ranges::stable_sort(out, {}, package_name);
    return out;
}

} // namespace pydeb::depmap
