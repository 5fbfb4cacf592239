#include "adapters/solv/pool.hpp"

#include "adapters/solv/c_api.hpp"

namespace pydeb::adapters::solv
{

static_assert(static_cast<int>(Relation::namespace_) == REL_NAMESPACE);
static_assert(static_cast<int>(Relation::with) == REL_WITH);
static_assert(static_cast<int>(Relation::less_equal) == (REL_LT | REL_EQ));

DistType ObjPoolView::disttype() const
{
    return m_pool->disttype == DISTTYPE_RPM ? DistType::rpm : DistType::deb;
}

void ObjPoolView::set_disttype(DistType type)
{
    pool_setdisttype(m_pool, type == DistType::rpm ? DISTTYPE_RPM : DISTTYPE_DEB);
}

void ObjPoolView::set_arch(const std::string& arch)
{
    pool_setarch(m_pool, arch.c_str());
}

void ObjPoolView::set_arch_policy(const std::string& policy)
{
    pool_setarchpolicy(m_pool, policy.c_str());
}

StringId ObjPoolView::add_string(std::string_view text)
{
    return pool_strn2id(m_pool, text.data(), static_cast<unsigned>(text.size()), 1);
}

std::optional<StringId> ObjPoolView::find_string(std::string_view text) const
{
    const Id id = pool_strn2id(m_pool, text.data(), static_cast<unsigned>(text.size()), 0);
    return id == 0 ? std::nullopt : std::optional(id);
}

std::string ObjPoolView::string(StringId id) const
{
    return pool_id2str(m_pool, id);
}

DependencyId ObjPoolView::add_relation(Id name, Relation relation, Id evr)
{
    return pool_rel2id(m_pool, name, evr, static_cast<int>(relation), 1);
}

DependencyId ObjPoolView::add_namespace_dependency(StringId ns, StringId argument)
{
    return add_relation(ns, Relation::namespace_, argument);
}

bool ObjPoolView::is_relation(DependencyId id)
{
    return ISRELDEP(static_cast<unsigned>(id)) != 0;
}

std::optional<RelationParts> ObjPoolView::relation(DependencyId id) const
{
    if (!is_relation(id))
    {
        return std::nullopt;
    }
    const ::Reldep* rd = GETRELDEP(m_pool, id);
    return RelationParts{rd->name, rd->evr, rd->flags};
}

// pool_dep2str and pool_solvid2str return pool temp space (a ring of 16): copy at once.
std::string ObjPoolView::dependency_to_string(DependencyId id) const
{
    return pool_dep2str(m_pool, id);
}

ObjRepoView ObjPoolView::add_repo(std::string_view name)
{
    const std::string copy(name);
    return ObjRepoView(m_pool, repo_create(m_pool, copy.c_str()));
}

ObjSolvableView ObjPoolView::solvable(SolvableId id) const
{
    return ObjSolvableView(m_pool, id);
}

std::string ObjPoolView::solvable_to_string(SolvableId id) const
{
    return pool_solvid2str(m_pool, id);
}

std::size_t ObjPoolView::solvable_count() const
{
    return static_cast<std::size_t>(m_pool->nsolvables);
}

void ObjPoolView::create_whatprovides()
{
    pool_createwhatprovides(m_pool);
}

void ObjPoolView::flush_namespace_providers(StringId ns, StringId argument)
{
    pool_flush_namespaceproviders(m_pool, ns, argument);
}

void ObjPoolView::visit_whatprovides(DependencyId dep, const IdVisitor& visitor) const
{
    ::Pool* pool = m_pool; // FOR_PROVIDES names `pool`
    if (pool->whatprovides == nullptr)
    {
        pool_createwhatprovides(pool);
    }
    Id p = 0;
    Id pp = 0;
    FOR_PROVIDES(p, pp, dep)
    {
        if (visitor(p) == LoopControl::stop)
        {
            break;
        }
    }
}

std::vector<SolvableId> ObjPoolView::whatprovides(DependencyId dep) const
{
    std::vector<SolvableId> result;
    visit_whatprovides(dep,
                       [&result](Id id)
                       {
                           result.push_back(id);
                           return LoopControl::go_on;
                       });
    return result;
}

void ObjPoolView::visit_solvable_ids(const IdVisitor& visitor) const
{
    ::Pool* pool = m_pool;
    Id p = 0;
    FOR_POOL_SOLVABLES(p)
    {
        if (visitor(p) == LoopControl::stop)
        {
            break;
        }
    }
}

std::string_view library_version()
{
    return solv_version;
}

} // namespace pydeb::adapters::solv
