#include "adapters/solv/repo.hpp"

#include "adapters/solv/c_api.hpp"

namespace pydeb::adapters::solv
{

RepoId ObjRepoView::id() const
{
    return m_repo->repoid;
}

std::string ObjRepoView::name() const
{
    return m_repo->name != nullptr ? m_repo->name : "";
}

std::size_t ObjRepoView::solvable_count() const
{
    return static_cast<std::size_t>(m_repo->nsolvables);
}

ObjSolvableView ObjRepoView::add_solvable()
{
    return ObjSolvableView(m_pool, repo_add_solvable(m_repo));
}

void ObjRepoView::free_solvable(SolvableId id)
{
    repo_free_solvable(m_repo, id, 1);
}

void ObjRepoView::internalize()
{
    repo_internalize(m_repo);
}

void ObjRepoView::visit_solvable_ids(const IdVisitor& visitor) const
{
    ::Repo* repo = m_repo;
    Id id = 0;
    ::Solvable* s = nullptr;
    FOR_REPO_SOLVABLES(repo, id, s)
    {
        if (visitor(id) == LoopControl::stop)
        {
            break;
        }
    }
}

} // namespace pydeb::adapters::solv
