#include "adapters/solv/solvable.hpp"

#include "adapters/solv/c_api.hpp"

namespace pydeb::adapters::solv
{

namespace
{

Id keyname_of(DependencyKind kind)
{
    switch (kind)
    {
    case DependencyKind::provides:
        return SOLVABLE_PROVIDES;
    case DependencyKind::requires_:
        return SOLVABLE_REQUIRES;
    case DependencyKind::conflicts:
        return SOLVABLE_CONFLICTS;
    case DependencyKind::obsoletes:
        return SOLVABLE_OBSOLETES;
    case DependencyKind::recommends:
        return SOLVABLE_RECOMMENDS;
    case DependencyKind::suggests:
        return SOLVABLE_SUGGESTS;
    case DependencyKind::supplements:
        return SOLVABLE_SUPPLEMENTS;
    case DependencyKind::enhances:
        return SOLVABLE_ENHANCES;
    }
    return SOLVABLE_REQUIRES;
}

} // namespace

ObjSolvableView::ObjSolvableView(::s_Pool* pool, SolvableId id) : m_pool(pool), m_id(id) {}

::s_Solvable* ObjSolvableView::raw() const
{
    return pool_id2solvable(m_pool, m_id);
}

RepoId ObjSolvableView::repo_id() const
{
    const ::Repo* repo = raw()->repo;
    return repo != nullptr ? repo->repoid : 0;
}

StringId ObjSolvableView::name_id() const
{
    return raw()->name;
}

StringId ObjSolvableView::evr_id() const
{
    return raw()->evr;
}

StringId ObjSolvableView::arch_id() const
{
    return raw()->arch;
}

// pool_id2str points into the string space, which later pool_str2id calls reallocate: copy.
std::string ObjSolvableView::name() const
{
    return pool_id2str(m_pool, raw()->name);
}

std::string ObjSolvableView::evr() const
{
    return pool_id2str(m_pool, raw()->evr);
}

std::string ObjSolvableView::arch() const
{
    return raw()->arch != 0 ? pool_id2str(m_pool, raw()->arch) : "";
}

std::string ObjSolvableView::to_string() const
{
    return pool_solvid2str(m_pool, m_id);
}

void ObjSolvableView::set_name(StringId name)
{
    raw()->name = name;
}

void ObjSolvableView::set_evr(StringId evr)
{
    raw()->evr = evr;
}

void ObjSolvableView::set_arch(std::optional<StringId> arch)
{
    // pool->noarchid is LIBSOLV_INTERNAL; pool_setdisttype sets it to these two known ids.
    const Id noarch = m_pool->disttype == DISTTYPE_DEB ? ARCH_ALL : ARCH_NOARCH;
    raw()->arch = arch.value_or(noarch);
}

void ObjSolvableView::add_dependency(DependencyKind kind, DependencyId dependency)
{
    solvable_add_deparray(raw(), keyname_of(kind), dependency, 0);
}

std::vector<DependencyId> ObjSolvableView::dependencies(DependencyKind kind) const
{
    Queue queue;
    queue_init(&queue);
    solvable_lookup_deparray(raw(), keyname_of(kind), &queue,
                             0); // 0: every entry, both sides of the prereq marker
    std::vector<DependencyId> result(queue.elements, queue.elements + queue.count);
    queue_free(&queue);
    return result;
}

void ObjSolvableView::add_self_provide()
{
    ::Solvable* s = raw();
    add_dependency(DependencyKind::provides, pool_rel2id(m_pool, s->name, s->evr, REL_EQ, 1));
}

std::optional<std::string> ObjSolvableView::lookup_string(const char* keyname) const
{
    const Id key = pool_str2id(m_pool, keyname, 0);
    if (key == 0)
    {
        return std::nullopt;
    }
    const char* value = solvable_lookup_str(raw(), key);
    if (value == nullptr)
    {
        return std::nullopt;
    }
    return std::string(value);
}

} // namespace pydeb::adapters::solv
