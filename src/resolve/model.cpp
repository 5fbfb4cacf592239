#include "resolve/model.hpp"

namespace pydeb::resolve
{

namespace solv = adapters::solv;

std::string target_name(const std::string& name, const std::string& extra)
{
    return extra.empty() ? name : name + "[" + extra + "]";
}

Model::Model(const Universe& universe, const std::vector<python::Requirement>& roots,
             const python::MarkerEnvironment& env)
    : m_universe(universe)
{
    solv::ObjRepoView repo = m_pool.add_repo("wheelhouse");
    for (const auto& [name, project] : universe.projects)
    {
        add_wheels(repo, project, env);
    }
    for (std::size_t i = 0; i < roots.size(); ++i)
    {
        solv::ObjSolvableView root = repo.add_solvable();
        root.set_name(m_pool.add_string("requested#" + std::to_string(i + 1)));
        root.set_evr(m_pool.add_string("1"));
        root.set_arch();
        const SolvableId id = root.id();
        m_roots.push_back(id);
        m_nodes[id] = Node{NodeKind::root, nullptr, {}};
        m_edges[id];
        require(id, roots[i], {});
        for (const std::string& extra : roots[i].extras)
        {
            require(id, roots[i], extra);
        }
    }
    repo.internalize();
    m_pool.set_namespace_callback(
        [this](solv::ObjPoolView, StringId ns, StringId argument) {
            return matching(m_demands.at(m_demand_by_key.at({ns, argument})));
        });
    m_pool.create_whatprovides();
}

void Model::add_wheels(solv::ObjRepoView repo, const Project& project,
                       const python::MarkerEnvironment& env)
{
    const StringId name_id = m_pool.add_string(project.name);
    for (std::size_t rank = 0; rank < project.candidates.size(); ++rank)
    {
        const Candidate& candidate = project.candidates[rank];
        const StringId evr = m_pool.add_string(std::to_string(rank + 1));
        solv::ObjSolvableView wheel = repo.add_solvable();
        wheel.set_name(name_id);
        wheel.set_evr(evr);
        wheel.set_arch();
        wheel.add_self_provide();
        const SolvableId wheel_id = wheel.id();
        m_nodes[wheel_id] = Node{NodeKind::wheel, &candidate, {}};
        m_edges[wheel_id];
        m_targets[project.name].emplace_back(wheel_id, &candidate.version);
        for (const auto* requirement :
             applicable_requirements(candidate.metadata, env, ExtraScope::base))
        {
            require(wheel_id, *requirement, {});
            for (const std::string& extra : requirement->extras)
            {
                require(wheel_id, *requirement, extra);
            }
        }
        const DependencyId exact = m_pool.add_relation(name_id, solv::Relation::equal, evr);
        for (const std::string& extra : project.requested_extras)
        {
            solv::ObjSolvableView extra_solvable = repo.add_solvable();
            extra_solvable.set_name(m_pool.add_string(target_name(project.name, extra)));
            extra_solvable.set_evr(evr);
            extra_solvable.set_arch();
            extra_solvable.add_dependency(solv::DependencyKind::requires_, exact);
            const SolvableId extra_id = extra_solvable.id();
            m_nodes[extra_id] = Node{NodeKind::extra, &candidate, extra};
            m_edges[extra_id].push_back(
                {exact, project.name + "==" + candidate.version.to_string()});
            m_targets[target_name(project.name, extra)].emplace_back(extra_id, &candidate.version);
            for (const auto* requirement :
                 applicable_requirements(candidate.metadata, env, ExtraScope::only_extra, extra))
            {
                require(extra_id, *requirement, {});
                for (const std::string& sub_extra : requirement->extras)
                {
                    require(extra_id, *requirement, sub_extra);
                }
            }
        }
    }
}

DependencyId Model::require(SolvableId from, const python::Requirement& requirement,
                            const std::string& extra)
{
    const std::string name = requirement.normalized_name();
    const std::string target = target_name(name, extra);
    const std::string specifier = requirement.specifier.to_string();
    const StringId ns = m_pool.add_string(target);
    const StringId argument = m_pool.add_string(specifier);
    const DependencyId dep = m_pool.add_namespace_dependency(ns, argument);
    if (auto [it, inserted] = m_demand_by_key.try_emplace({ns, argument}, m_demands.size());
        inserted)
    {
        m_demands.push_back({name, extra, requirement.specifier, target + specifier});
        m_demand_by_dep[dep] = it->second;
    }
    m_pool.solvable(from).add_dependency(solv::DependencyKind::requires_, dep);
    m_edges[from].push_back({dep, target + specifier});
    return dep;
}

const Demand* Model::demand(DependencyId dep) const
{
    const auto it = m_demand_by_dep.find(dep);
    return it == m_demand_by_dep.end() ? nullptr : &m_demands[it->second];
}

std::vector<SolvableId> Model::matching(const Demand& demand) const
{
    const auto it = m_targets.find(target_name(demand.name, demand.extra));
    if (it == m_targets.end())
    {
        return {};
    }
    // What pip does (packaging's SpecifierSet.filter with prereleases=None): pre-releases match
    // only when a clause names one (">=2.0b1"), or, for a bare name with no specifier, when the
    // project has nothing but pre-releases (PEP 440 "Handling of pre-releases").
    std::vector<SolvableId> result;
    for (const auto& [id, version] : it->second)
    {
        if (demand.specifier.contains(*version, python::PreReleases::exclude))
        {
            result.push_back(id);
        }
    }
    if (result.empty() && demand.specifier.empty())
    {
        for (const auto& [id, version] : it->second)
        {
            result.push_back(id);
        }
    }
    return result;
}

std::string Model::describe(SolvableId id) const
{
    const Node& n = node(id);
    switch (n.kind)
    {
    case NodeKind::root:
        return "requested";
    case NodeKind::wheel:
        return n.candidate->name + " " + n.candidate->version.to_string();
    case NodeKind::extra:
        return target_name(n.candidate->name, n.extra) + " " + n.candidate->version.to_string();
    }
    return {};
}

} // namespace pydeb::resolve
