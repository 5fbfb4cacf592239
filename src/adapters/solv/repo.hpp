// Non-owning view of a repo: the pool owns repos (pool_free frees them), so a view is only a
// handle. Loaders for distro metadata (dpkg status, apt Packages, rpm-md) live in
// adapters/solv_repos and take raw().
#pragma once

#include "adapters/solv/ids.hpp"
#include "adapters/solv/solvable.hpp"

#include <string>

namespace pydeb::adapters::solv
{

class ObjRepoView
{
public:
    ObjRepoView(::s_Pool* pool, ::s_Repo* repo) : m_pool(pool), m_repo(repo) {}

    [[nodiscard]] RepoId id() const;
    [[nodiscard]] std::string name() const;
    [[nodiscard]] std::size_t solvable_count() const;

    // A new empty solvable in this repo. Views hold the id and look the solvable up on each
    // call, so they stay usable while more solvables are added.
    [[nodiscard]] ObjSolvableView add_solvable();
    // Remove a solvable (for example a dpkg status entry that is not "install ok installed").
    void free_solvable(SolvableId id);
    // Finish a batch of additions (needed after loaders called with REPO_NO_INTERNALIZE and after
    // hand-made solvables got dependency arrays).
    void internalize();

    template <typename Func> void for_each_solvable_id(Func&& func) const
    {
        visit_solvable_ids(make_visitor(std::forward<Func>(func)));
    }

    [[nodiscard]] ::s_Repo* raw() const { return m_repo; }

private:
    void visit_solvable_ids(const IdVisitor& visitor) const;

    ::s_Pool* m_pool;
    ::s_Repo* m_repo;
};

} // namespace pydeb::adapters::solv
