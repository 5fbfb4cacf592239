#include "adapters/solv/pool.hpp"
#include "adapters/solv/solver.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <stdexcept>

using namespace pydeb::adapters::solv;

namespace
{

struct Fixture
{
    ObjPool pool;
    ObjRepoView repo = pool.add_repo("test");

    SolvableId add(const char* name, const char* evr, std::vector<DependencyId> requires_ = {})
    {
        ObjSolvableView s = repo.add_solvable();
        s.set_name(pool.add_string(name));
        s.set_evr(pool.add_string(evr));
        s.set_arch();
        s.add_self_provide();
        for (const DependencyId dep : requires_)
        {
            s.add_dependency(DependencyKind::requires_, dep);
        }
        return s.id();
    }
    DependencyId rel(const char* name, Relation relation, const char* evr)
    {
        return pool.add_relation(pool.add_string(name), relation, pool.add_string(evr));
    }
};

} // namespace

TEST_CASE("solv::ObjSolver picks the best version and its dependencies")
{
    Fixture f;
    f.add("lib", "1");
    const SolvableId lib2 = f.add("lib", "2");
    const SolvableId app = f.add("app", "1", {f.rel("lib", Relation::greater_equal, "1")});
    f.repo.internalize();
    ObjSolver solver(f.pool);
    const Job jobs[] = {Job::install_solvable(app)};
    REQUIRE(solver.solve(jobs) == 0);
    auto installed = solver.installed();
    std::ranges::sort(installed);
    CHECK(installed == std::vector<SolvableId>{lib2, app});
}

TEST_CASE("solv::ObjSolver reports every rule of a problem")
{
    Fixture f;
    f.add("lib", "1");
    f.add("lib", "2");
    // Two versions of one name cannot both be installed (same-name rule).
    const SolvableId a = f.add("a", "1", {f.rel("lib", Relation::equal, "1")});
    const SolvableId b = f.add("b", "1", {f.rel("lib", Relation::equal, "2")});
    const SolvableId c = f.add("c", "1", {f.rel("missing", Relation::greater_equal, "1")});
    f.repo.internalize();
    ObjSolver solver(f.pool);
    const Job jobs[] = {Job::install_solvable(a), Job::install_solvable(b),
                        Job::install_solvable(c)};
    REQUIRE(solver.solve(jobs) == 2);
    CHECK(solver.problem_count() == 2);
    std::vector<RuleType> types;
    std::vector<std::string> texts;
    for (ProblemId problem = 1; problem <= 2; ++problem)
    {
        for (const RuleInfo& rule : solver.problem_rules(problem))
        {
            types.push_back(rule.type);
            texts.push_back(rule.text);
        }
    }
    CHECK(std::ranges::count(types, RuleType::pkg_same_name) == 1);
    CHECK(std::ranges::count(texts, "nothing provides missing >= 1 needed by c-1.all") == 1);
    const bool main_is_missing =
        solver.problem_main_rule(1).type == RuleType::pkg_nothing_provides_dep ||
        solver.problem_main_rule(2).type == RuleType::pkg_nothing_provides_dep;
    CHECK(main_is_missing);
}

TEST_CASE("solv::ObjSolver rethrows a namespace callback's exception")
{
    Fixture f;
    const StringId ns = f.pool.add_string("ns");
    const SolvableId root = f.add("root", "1", {f.pool.add_namespace_dependency(ns, ns)});
    f.repo.internalize();
    f.pool.set_namespace_callback([](ObjPoolView, StringId, StringId) -> std::vector<SolvableId>
                                  { throw std::runtime_error("boom"); });
    ObjSolver solver(f.pool);
    const Job jobs[] = {Job::install_solvable(root)};
    CHECK_THROWS_WITH(static_cast<void>(solver.solve(jobs)), "boom");
}
