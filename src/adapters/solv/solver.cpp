#include "adapters/solv/solver.hpp"

#include "adapters/solv/c_api.hpp"
#include "adapters/solv/queue.hpp"

namespace pydeb::adapters::solv
{

Job Job::install_solvable(SolvableId id)
{
    return {SOLVER_INSTALL | SOLVER_SOLVABLE, id};
}

Job Job::install_name(StringId name)
{
    return {SOLVER_INSTALL | SOLVER_SOLVABLE_NAME, name};
}

Job Job::install_provides(DependencyId dep)
{
    return {SOLVER_INSTALL | SOLVER_SOLVABLE_PROVIDES, dep};
}

Job Job::lock_solvable(SolvableId id)
{
    return {SOLVER_LOCK | SOLVER_SOLVABLE, id};
}

void ObjSolver::Deleter::operator()(::s_Solver* solver) const
{
    solver_free(solver);
}

ObjSolver::ObjSolver(ObjPool& pool) : m_pool(pool)
{
    // The solver reads the whatprovides index; build it if the caller has not.
    if (pool.raw()->whatprovides == nullptr)
    {
        pool.create_whatprovides();
    }
    m_solver.reset(solver_create(pool.raw()));
}

ObjSolver::~ObjSolver() = default;

void ObjSolver::set_flag(SolverFlag flag, bool value)
{
    int raw_flag = 0;
    switch (flag)
    {
    case SolverFlag::allow_uninstall:
        raw_flag = SOLVER_FLAG_ALLOW_UNINSTALL;
        break;
    case SolverFlag::ignore_recommended:
        raw_flag = SOLVER_FLAG_IGNORE_RECOMMENDED;
        break;
    case SolverFlag::best_obey_policy:
        raw_flag = SOLVER_FLAG_BEST_OBEY_POLICY;
        break;
    case SolverFlag::focus_installed:
        raw_flag = SOLVER_FLAG_FOCUS_INSTALLED;
        break;
    case SolverFlag::focus_best:
        raw_flag = SOLVER_FLAG_FOCUS_BEST;
        break;
    }
    solver_set_flag(m_solver.get(), raw_flag, value ? 1 : 0);
}

std::size_t ObjSolver::solve(std::span<const Job> jobs)
{
    ObjQueue queue;
    for (const Job& job : jobs)
    {
        queue.push_back(job.how);
        queue.push_back(job.what);
    }
    const int problems = solver_solve(m_solver.get(), queue.raw());
    m_pool.rethrow_callback_error();
    return static_cast<std::size_t>(problems);
}

std::size_t ObjSolver::problem_count() const
{
    return static_cast<std::size_t>(solver_problem_count(m_solver.get()));
}

std::string ObjSolver::problem_to_string(ProblemId problem) const
{
    return solver_problem2str(m_solver.get(), problem);
}

std::vector<RuleInfo> ObjSolver::problem_rules(ProblemId problem) const
{
    ObjQueue rules;
    solver_findallproblemrules(m_solver.get(), problem, rules.raw());
    std::vector<RuleInfo> result;
    for (const Id rule : rules.ids())
    {
        result.push_back(rule_info(rule));
    }
    return result;
}

RuleInfo ObjSolver::problem_main_rule(ProblemId problem) const
{
    return rule_info(solver_findproblemrule(m_solver.get(), problem));
}

std::vector<SolvableId> ObjSolver::installed() const
{
    ObjQueue decisions;
    solver_get_decisionqueue(m_solver.get(), decisions.raw());
    std::vector<SolvableId> result;
    for (const Id decision : decisions.ids())
    {
        if (decision > SYSTEMSOLVABLE)
        {
            result.push_back(decision);
        }
    }
    return result;
}

} // namespace pydeb::adapters::solv
