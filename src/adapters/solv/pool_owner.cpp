// ObjPool: owns the Pool* and the namespace callback (libmamba's set_namespace_callback pattern:
// the C trampoline is noexcept; an exception is stored and rethrown outside libsolv's frames).
#include "adapters/solv/c_api.hpp"
#include "adapters/solv/pool.hpp"

#include <utility>

namespace pydeb::adapters::solv
{

struct ObjPool::State
{
    NamespaceCallback callback;
    std::exception_ptr error;
};

namespace
{

Id namespace_trampoline(::Pool* pool, void* data, Id ns, Id argument) noexcept
{
    auto* state = static_cast<ObjPool::State*>(data);
    if (state->error || !state->callback)
    {
        return 0;
    }
    try
    {
        std::vector<SolvableId> ids = state->callback(ObjPoolView(pool), ns, argument);
        // The callback's contract (pool.h): 0 = nothing, 1 = the system solvable, >1 = an offset
        // into whatprovidesdata. pool_ids2whatprovides() of an empty list returns 1, which
        // would silently read as "the system provides it": map empty to 0 ourselves.
        if (ids.empty())
        {
            return 0;
        }
        return pool_ids2whatprovides(pool, ids.data(), static_cast<int>(ids.size()));
    }
    catch (...)
    {
        state->error = std::current_exception();
        return 0;
    }
}

} // namespace

ObjPool::ObjPool() : ObjPoolView(pool_create()), m_state(std::make_unique<State>()) {}

ObjPool::~ObjPool()
{
    // Solvers must be gone by now (ObjSolver borrows the pool); pool_free frees repos, solvables
    // and strings, but not solvers (libsolv's src/pool.c).
    pool_free(m_pool);
}

void ObjPool::set_namespace_callback(NamespaceCallback callback)
{
    m_state->callback = std::move(callback);
    pool_setnamespacecallback(m_pool, &namespace_trampoline, m_state.get());
    pool_flush_namespaceproviders(m_pool, 0, 0);
}

void ObjPool::rethrow_callback_error()
{
    if (m_state->error)
    {
        std::rethrow_exception(std::exchange(m_state->error, nullptr));
    }
}

std::vector<SolvableId> ObjPool::whatprovides(DependencyId dep)
{
    std::vector<SolvableId> result = ObjPoolView::whatprovides(dep);
    rethrow_callback_error();
    return result;
}

} // namespace pydeb::adapters::solv
