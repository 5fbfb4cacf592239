#include "explain/chain.hpp"

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

namespace pydeb::explain
{

std::vector<Edge>
requirement_edges(const std::vector<python::Requirement>& top_level,
                  const std::map<std::string, std::vector<python::Requirement>>& requires_dist,
                  const python::MarkerEnvironment& environment)
{
    // The extras asked of each distribution grow as edges are found (a requirement on "x[y]"
    // activates x's Requires-Dist with `extra == "y"`), so walk to a fixed point.
    std::map<std::string, std::set<std::string>> extras;
    std::set<std::tuple<std::string, std::string, std::string>> found;
    const auto follow = [&](const std::string& from, const python::Requirement& requirement,
                            const std::set<std::string>& active) {
        const std::string to = requirement.normalized_name();
        if (!requires_dist.contains(to) ||
            (requirement.marker && !requirement.marker->evaluate(environment, active)))
        {
            return false;
        }
        bool grew = found.insert({from, to, requirement.to_string()}).second;
        for (const std::string& extra : requirement.extras)
        {
            grew = extras[to].insert(extra).second || grew;
        }
        return grew;
    };
    for (const python::Requirement& requirement : top_level)
    {
        follow("", requirement, {});
    }
    for (bool grew = true; grew;)
    {
        grew = false;
        std::set<std::string> reached;
        for (const auto& [from, to, text] : found)
        {
            reached.insert(to);
        }
        for (const std::string& name : reached)
        {
            const std::set<std::string> active = extras[name];
            for (const python::Requirement& requirement : requires_dist.at(name))
            {
                grew = follow(name, requirement, active) || grew;
            }
        }
    }
    std::vector<Edge> edges;
    for (const auto& [from, to, text] : found)
    {
        edges.push_back({from, to, text});
    }
    return edges;
}

std::optional<std::vector<Edge>> chain_to(const std::vector<Edge>& edges, const std::string& name)
{
    // Breadth-first from the top-level requirements; edges are sorted (from, to, text), so the
    // first chain found is the first by name among the shortest.
    std::map<std::string, std::size_t> via; // name -> index of the edge that reached it
    std::deque<std::string> queue;
    for (std::size_t i = 0; i < edges.size(); ++i)
    {
        if (edges[i].from.empty() && via.emplace(edges[i].to, i).second)
        {
            queue.push_back(edges[i].to);
        }
    }
    while (!queue.empty() && !via.contains(name))
    {
        const std::string current = queue.front();
        queue.pop_front();
        for (std::size_t i = 0; i < edges.size(); ++i)
        {
            if (edges[i].from == current && via.emplace(edges[i].to, i).second)
            {
                queue.push_back(edges[i].to);
            }
        }
    }
    if (!via.contains(name))
    {
        return std::nullopt;
    }
    std::vector<Edge> chain;
    for (std::string at = name;;)
    {
        const Edge& edge = edges[via.at(at)];
        chain.push_back(edge);
        if (edge.from.empty())
        {
            break;
        }
        at = edge.from;
    }
    std::ranges::reverse(chain);
    return chain;
}

} // namespace pydeb::explain
