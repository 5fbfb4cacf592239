// merge_relations: Dpkg::Deps' simplification of the relation list dpkg-shlibdeps produces.
#include "depmap/deb_relations.hpp"
#include "depmap/debian_version.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace pydeb::depmap
{

namespace
{

// "name (>= version)" or "name" without alternatives; nullopt for anything else.
struct Simple
{
    std::string name;
    std::string minimum; // empty: unversioned
};

// ^([a-z0-9][a-z0-9+.\-]*(?::[a-z0-9]+)?)(?:\s*\(>=\s*([^)\s]+)\s*\))?$ without std::regex,
// whose first use alone costs more than the rest of the merge.
std::optional<Simple> simple_relation(std::string_view relation)
{
    const auto lower_or_digit = [](char c)
    { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    const auto is_space = [](char c)
    { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
    std::size_t pos = 0;
    const auto at = [&](std::size_t i) { return i < relation.size() ? relation[i] : '\0'; };
    if (!lower_or_digit(at(pos)))
    {
        return std::nullopt;
    }
    for (++pos; lower_or_digit(at(pos)) || at(pos) == '+' || at(pos) == '.' || at(pos) == '-';)
    {
        ++pos;
    }
    if (at(pos) == ':' && lower_or_digit(at(pos + 1)))
    {
        for (pos += 2; lower_or_digit(at(pos));)
        {
            ++pos;
        }
    }
    Simple simple{std::string(relation.substr(0, pos)), ""};
    if (pos == relation.size())
    {
        return simple;
    }
    while (is_space(at(pos)))
    {
        ++pos;
    }
    if (relation.substr(pos, 3) != "(>=")
    {
        return std::nullopt;
    }
    for (pos += 3; is_space(at(pos));)
    {
        ++pos;
    }
    const std::size_t start = pos;
    while (pos < relation.size() && at(pos) != ')' && !is_space(at(pos)))
    {
        ++pos;
    }
    simple.minimum = relation.substr(start, pos - start);
    while (is_space(at(pos)))
    {
        ++pos;
    }
    if (simple.minimum.empty() || at(pos) != ')' || pos + 1 != relation.size())
    {
        return std::nullopt;
    }
    return simple;
}

std::string package_name(const std::string& relation)
{
    const auto end = relation.find_first_of(" (|:");
    return relation.substr(0, end);
}

} // namespace

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
