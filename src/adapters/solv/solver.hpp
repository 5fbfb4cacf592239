// RAII owner of a libsolv Solver over an ObjPool, plus the job and problem vocabulary. The solver
// borrows the pool: destroy it first (solver_free before pool_free,
// libsolv's doc/libsolv-pool.txt).
#pragma once

#include "adapters/solv/ids.hpp"
#include "adapters/solv/pool.hpp"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace pydeb::adapters::solv
{

// One (how|select, what) pair of a job queue (solver.h).
struct Job
{
    Id how = 0;
    Id what = 0;

    [[nodiscard]] static Job install_solvable(SolvableId id);
    [[nodiscard]] static Job install_name(StringId name);
    // Note: a namespace dependency with no provider is silently dropped by libsolv as an install
    // job (libsolv's src/solver.c): require it from a synthetic root solvable instead.
    [[nodiscard]] static Job install_provides(DependencyId dep);
    [[nodiscard]] static Job lock_solvable(SolvableId id);
};

enum class SolverFlag
{
    allow_uninstall,
    ignore_recommended,
    best_obey_policy,
    focus_installed,
    focus_best,
};

// The rule kinds of rules.h a caller can explain; other kinds map to `other`.
enum class RuleType
{
    job,
    job_nothing_provides_dep,
    job_unknown_package,
    pkg_not_installable,
    pkg_nothing_provides_dep,
    pkg_requires,
    pkg_self_conflict,
    pkg_conflicts,
    pkg_same_name,
    pkg_obsoletes,
    pkg_implicit_obsoletes,
    pkg_installed_obsoletes,
    pkg_constrains,
    other,
};

struct RuleInfo
{
    RuleType type = RuleType::other;
    SolvableId source = 0;
    SolvableId target = 0;
    DependencyId dep = 0;
    std::string text; // libsolv's own wording (solver_problemruleinfo2str)
};

class ObjSolver
{
public:
    explicit ObjSolver(ObjPool& pool);
    ~ObjSolver();
    ObjSolver(const ObjSolver&) = delete;
    ObjSolver& operator=(const ObjSolver&) = delete;

    void set_flag(SolverFlag flag, bool value);

    // The number of problems; 0 means a solution was found. Rethrows an exception raised by the
    // pool's namespace callback during the solve.
    [[nodiscard]] std::size_t solve(std::span<const Job> jobs);

    [[nodiscard]] std::size_t problem_count() const;
    // libsolv's one-line summary of a problem (1-based id).
    [[nodiscard]] std::string problem_to_string(ProblemId problem) const;
    // Every rule involved in a problem (solver_findallproblemrules), explained.
    [[nodiscard]] std::vector<RuleInfo> problem_rules(ProblemId problem) const;
    // The rule libsolv considers the cause (solver_findproblemrule).
    [[nodiscard]] RuleInfo problem_main_rule(ProblemId problem) const;

    // Solvables the solution installs (positive decisions, without the system solvable).
    [[nodiscard]] std::vector<SolvableId> installed() const;

private:
    [[nodiscard]] RuleInfo rule_info(RuleId rule) const;

    ObjPool& m_pool;
    struct Deleter
    {
        void operator()(::s_Solver* solver) const;
    };
    std::unique_ptr<::s_Solver, Deleter> m_solver;
};

} // namespace pydeb::adapters::solv
