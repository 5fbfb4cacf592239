#include "resolve/explain.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>

namespace pydeb::resolve
{

namespace solv = adapters::solv;

namespace
{

class Explainer
{
public:
    explicit Explainer(Model& model) : m_model(model) {}

    std::string missing(SolvableId source, DependencyId dep);
    std::optional<std::string> clash(const std::vector<solv::RuleInfo>& rules, SolvableId a,
                                     SolvableId b);

private:
    bool is_root(SolvableId id) const { return m_model.node(id).kind == NodeKind::root; }
    // "bar 1.0 via app 1.0": the solvable and how the requests reach it (shortest path).
    std::string with_chain(SolvableId id);
    std::string available(const Project& project) const;

    Model& m_model;
    std::map<SolvableId, SolvableId> m_parent; // BFS tree from the roots, built on first use
};

std::string Explainer::with_chain(SolvableId id)
{
    if (m_parent.empty())
    {
        std::deque<SolvableId> queue(m_model.roots().begin(), m_model.roots().end());
        for (const SolvableId root : m_model.roots())
        {
            m_parent[root] = root;
        }
        while (!queue.empty())
        {
            const SolvableId from = queue.front();
            queue.pop_front();
            for (const Edge& edge : m_model.edges(from))
            {
                for (const SolvableId to : m_model.pool().whatprovides(edge.dep))
                {
                    if (m_parent.try_emplace(to, from).second)
                    {
                        queue.push_back(to);
                    }
                }
            }
        }
    }
    std::string text = m_model.describe(id);
    for (auto it = m_parent.find(id); it != m_parent.end() && !is_root(it->second);
         it = m_parent.find(it->second))
    {
        text += " via " + m_model.describe(it->second);
    }
    return text;
}

std::string Explainer::available(const Project& project) const
{
    std::vector<std::string> versions;
    for (const Candidate& candidate : project.candidates)
    {
        const std::string version = candidate.version.to_string();
        if (std::ranges::find(versions, version) == versions.end())
        {
            versions.push_back(version);
        }
    }
    return project.candidates.back().display_name + " " + util::join(versions, ", ");
}

std::string Explainer::missing(SolvableId source, DependencyId dep)
{
    const Demand* demand = m_model.demand(dep);
    if (demand == nullptr)
    {
        return m_model.pool().dependency_to_string(dep) + " has no provider";
    }
    const auto& projects = m_model.universe().projects;
    const auto it = projects.find(demand->name);
    std::string text;
    if (it == projects.end() || it->second.candidates.empty())
    {
        text = "nothing in the wheelhouse provides " + demand->name +
               (is_root(source) ? " (requested)" : " (required by " + with_chain(source) + ")");
    }
    else
    {
        text = (is_root(source) ? demand->text + " requested"
                                : with_chain(source) + " requires " + demand->text) +
               ", but the wheelhouse has only " + available(it->second);
    }
    if (it == projects.end())
    {
        return text;
    }
    for (const Candidate& candidate : it->second.candidates)
    {
        if (candidate.version.is_prerelease() &&
            demand->specifier.contains(candidate.version, python::PreReleases::allow))
        {
            text += "; " + candidate.display_name + " " + candidate.version.to_string() +
                    " would match, but pre-releases are only used when a specifier names one "
                    "(like >=" +
                    candidate.version.to_string() + ")";
            break;
        }
    }
    for (const SetAside& aside : it->second.set_aside)
    {
        if (demand->specifier.contains(aside.version, python::PreReleases::allow))
        {
            text += "; " + aside.filename + " would match, but " + aside.reason;
        }
    }
    if (it->second.candidates.empty() && !it->second.sdists.empty())
    {
        std::vector<std::string> names;
        for (const SdistFile& sdist : it->second.sdists)
        {
            names.push_back(sdist.path.filename().string());
        }
        text += "; only the sdist " + util::join(names, ", ") +
                " provides it, and install.only-binary is set, so pydeb builds no sdist: set "
                "only-binary to false, or put a wheel of it into a wheelhouse";
    }
    return text;
}

std::optional<std::string> Explainer::clash(const std::vector<solv::RuleInfo>& rules, SolvableId a,
                                            SolvableId b)
{
    // The requirement that admits one of the two clashing wheels and not the other.
    auto pick = [&](SolvableId want, SolvableId other) -> std::optional<std::pair<SolvableId, Edge>>
    {
        for (const solv::RuleInfo& rule : rules)
        {
            if (rule.type != solv::RuleType::pkg_requires || rule.dep == 0)
            {
                continue;
            }
            const auto providers = m_model.pool().whatprovides(rule.dep);
            if (std::ranges::count(providers, want) == 1 &&
                std::ranges::count(providers, other) == 0)
            {
                for (const Edge& edge : m_model.edges(rule.source))
                {
                    if (edge.dep == rule.dep)
                    {
                        return std::pair{rule.source, edge};
                    }
                }
            }
        }
        return std::nullopt;
    };
    auto first = pick(a, b);
    auto second = pick(b, a);
    if (!first || !second)
    {
        return std::nullopt;
    }
    if (is_root(first->first))
    {
        std::swap(first, second);
    }
    if (is_root(first->first))
    {
        return first->second.text + " and " + second->second.text +
               " were both requested, but no version satisfies both";
    }
    const std::string lhs = with_chain(first->first) + " requires " + first->second.text;
    if (is_root(second->first))
    {
        return lhs + ", but " + second->second.text + " was requested";
    }
    return lhs + ", but " + with_chain(second->first) + " requires " + second->second.text;
}

} // namespace

std::vector<std::string> explain_problems(Model& model, const solv::ObjSolver& solver)
{
    Explainer explainer(model);
    std::vector<std::string> messages;
    auto add = [&messages](std::string message)
    {
        if (std::ranges::find(messages, message) == messages.end())
        {
            messages.push_back(std::move(message));
        }
    };
    for (solv::ProblemId problem = 1;
         problem <= static_cast<solv::ProblemId>(solver.problem_count()); ++problem)
    {
        const std::size_t before = messages.size();
        const auto rules = solver.problem_rules(problem);
        for (const solv::RuleInfo& rule : rules)
        {
            if (rule.type == solv::RuleType::pkg_nothing_provides_dep)
            {
                add(explainer.missing(rule.source, rule.dep));
            }
            else if (rule.type == solv::RuleType::pkg_same_name)
            {
                if (auto message = explainer.clash(rules, rule.source, rule.target))
                {
                    add(std::move(*message));
                }
            }
        }
        if (messages.size() == before)
        {
            add(solver.problem_to_string(problem));
        }
    }
    return messages;
}

} // namespace pydeb::resolve
