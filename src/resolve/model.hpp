// The libsolv model of a candidate universe (libmamba's approach: libmamba/src/solver/libsolv):
// - every candidate wheel is a solvable named by its normalized name; its evr is its preference
//   rank among the wheels of that name ("1" worst), so libsolv's "best version" policy picks the
//   newest version, then the best tag, and no PEP 440 order has to survive a DEB/RPM evrcmp;
// - a requirement is a namespace dependency (name, specifier) that the callback answers with
//   python::SpecifierSet::contains, the PEP 440 matcher;
// - `name[extra]` is a solvable per wheel and extra that requires exactly its wheel (name = rank)
//   and the Requires-Dist the extra adds;
// - each top-level requirement hangs off its own root solvable ("requested#N") that the job
//   installs: an install job on a namespace dependency nobody provides would be silently dropped
//   (libsolv's src/solver.c: a provides job without a provider makes no rule), and separate roots make libsolv report each failing request separately.
#pragma once

#include "adapters/solv/pool.hpp"
#include "python/requirement.hpp"
#include "resolve/candidates.hpp"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pydeb::resolve
{

using adapters::solv::DependencyId;
using adapters::solv::SolvableId;
using adapters::solv::StringId;

enum class NodeKind
{
    root,
    wheel,
    extra,
};

struct Node
{
    NodeKind kind = NodeKind::root;
    const Candidate* candidate = nullptr; // wheel and extra nodes
    std::string extra;                    // extra nodes
};

// One namespace dependency: a project (or project[extra]) and a specifier.
struct Demand
{
    std::string name;  // normalized
    std::string extra; // empty for the project itself
    python::SpecifierSet specifier;
    std::string text; // "markupsafe>=2.0", "requests[socks]>=2"
};

// An edge of the requirement graph: `from` requires `dep`.
struct Edge
{
    DependencyId dep = 0;
    std::string text;
};

class Model
{
public:
    Model(const Universe& universe, const std::vector<python::Requirement>& roots,
          const python::MarkerEnvironment& env);
    // The namespace callback points at this object.
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    [[nodiscard]] adapters::solv::ObjPool& pool() { return m_pool; }
    [[nodiscard]] const Universe& universe() const { return m_universe; }
    [[nodiscard]] const std::vector<SolvableId>& roots() const { return m_roots; }
    [[nodiscard]] const Node& node(SolvableId id) const { return m_nodes.at(id); }
    [[nodiscard]] const Demand* demand(DependencyId dep) const;
    [[nodiscard]] const std::vector<Edge>& edges(SolvableId id) const { return m_edges.at(id); }
    // "requested", "jinja2 3.1.2", "requests[socks] 2.28.1"
    [[nodiscard]] std::string describe(SolvableId id) const;
    // The PEP 440 answer to a namespace dependency (also what the callback returns).
    [[nodiscard]] std::vector<SolvableId> matching(const Demand& demand) const;

private:
    void add_wheels(adapters::solv::ObjRepoView repo, const Project& project,
                    const python::MarkerEnvironment& env);
    DependencyId require(SolvableId from, const python::Requirement& requirement,
                         const std::string& extra);

    const Universe& m_universe;
    adapters::solv::ObjPool m_pool;
    std::vector<SolvableId> m_roots;
    std::map<SolvableId, Node> m_nodes;
    std::map<SolvableId, std::vector<Edge>> m_edges;
    std::vector<Demand> m_demands;
    std::map<DependencyId, std::size_t> m_demand_by_dep;
    std::map<std::pair<StringId, StringId>, std::size_t> m_demand_by_key;
    // Solvables by namespace target ("name" or "name[extra]"), each with its version.
    std::map<std::string, std::vector<std::pair<SolvableId, const python::Version*>>> m_targets;
};

// "name[extra]" or "name".
[[nodiscard]] std::string target_name(const std::string& name, const std::string& extra);

} // namespace pydeb::resolve
