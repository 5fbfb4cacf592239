// Rule classification for problem reports (rules.h SolverRuleinfo -> RuleType).
#include "adapters/solv/c_api.hpp"
#include "adapters/solv/solver.hpp"

namespace pydeb::adapters::solv
{

namespace
{

RuleType to_rule_type(SolverRuleinfo info)
{
    switch (info)
    {
    case SOLVER_RULE_JOB:
        return RuleType::job;
    case SOLVER_RULE_JOB_NOTHING_PROVIDES_DEP:
        return RuleType::job_nothing_provides_dep;
    case SOLVER_RULE_JOB_UNKNOWN_PACKAGE:
        return RuleType::job_unknown_package;
    case SOLVER_RULE_PKG_NOT_INSTALLABLE:
        return RuleType::pkg_not_installable;
    case SOLVER_RULE_PKG_NOTHING_PROVIDES_DEP:
        return RuleType::pkg_nothing_provides_dep;
    case SOLVER_RULE_PKG_REQUIRES:
        return RuleType::pkg_requires;
    case SOLVER_RULE_PKG_SELF_CONFLICT:
        return RuleType::pkg_self_conflict;
    case SOLVER_RULE_PKG_CONFLICTS:
        return RuleType::pkg_conflicts;
    case SOLVER_RULE_PKG_SAME_NAME:
        return RuleType::pkg_same_name;
    case SOLVER_RULE_PKG_OBSOLETES:
        return RuleType::pkg_obsoletes;
    case SOLVER_RULE_PKG_IMPLICIT_OBSOLETES:
        return RuleType::pkg_implicit_obsoletes;
    case SOLVER_RULE_PKG_INSTALLED_OBSOLETES:
        return RuleType::pkg_installed_obsoletes;
    case SOLVER_RULE_PKG_CONSTRAINS:
        return RuleType::pkg_constrains;
    default:
        return RuleType::other;
    }
}

} // namespace

RuleInfo ObjSolver::rule_info(RuleId rule) const
{
    Id source = 0;
    Id target = 0;
    Id dep = 0;
    const SolverRuleinfo type = solver_ruleinfo(m_solver.get(), rule, &source, &target, &dep);
    // *2str results live in the pool's temp space ring: copy at once (libsolv's
    // src/pool.c, pool_tmpjoin).
    std::string text = solver_problemruleinfo2str(m_solver.get(), type, source, target, dep);
    return RuleInfo{to_rule_type(type), source, target, dep, std::move(text)};
}

} // namespace pydeb::adapters::solv
