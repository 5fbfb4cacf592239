#include "depmap/deb_relations.hpp"

#include "depmap/debian_version.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace pydeb::depmap
{

namespace
{

// Each non-empty, trimmed comma-separated part, in order.
template <typename Visit> void for_each_part(std::string_view templates, Visit visit)
{
    for (std::size_t pos = 0; pos <= templates.size();)
    {
        const auto end = std::min(templates.find(',', pos), templates.size());
        if (const auto part = util::trim(templates.substr(pos, end - pos)); !part.empty())
        {
            visit(part);
        }
        pos = end + 1;
    }
}

bool versioned(std::string_view minver)
{
    return !minver.empty() && minver != "0";
}

} // namespace

void DependencySet::update(std::string_view templates, std::string_view minver)
{
    // Called for every symbol a library resolves: the parts are views, no list is built.
    for_each_part(
        templates,
        [&](std::string_view part)
        {
            auto it = m_minver.find(part);
            if (it == m_minver.end())
            {
                m_minver.emplace(std::string(part), std::string(minver));
            }
            else if (minver != it->second &&
                     (it->second.empty() ||
                      (!minver.empty() && compare_debian_versions(minver, it->second) > 0)))
            {
                it->second = std::string(minver);
            }
        });
}

void DependencySet::add_unversioned(std::string_view dependency)
{
    for_each_part(dependency,
                  [&](std::string_view part)
                  {
                      if (!m_minver.contains(part))
                      {
                          m_minver.emplace(std::string(part), "");
                      }
                  });
}

std::string DependencySet::render(const std::string& part) const
{
    auto it = m_minver.find(part);
    const std::string minver = it == m_minver.end() ? "" : it->second;
    const std::string text =
        util::replace_all(part, "#MINVER#", versioned(minver) ? "(>= " + minver + ")" : "");
    // Each run of white space becomes one space (dpkg-shlibdeps: s/\s+/ /g), then trimmed.
    std::string out;
    for (const char c : util::trim(text))
    {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (!space || !out.ends_with(' '))
        {
            out += space ? ' ' : c;
        }
    }
    return out;
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

} // namespace pydeb::depmap
