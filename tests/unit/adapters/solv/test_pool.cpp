#include "adapters/solv/pool.hpp"
#include "adapters/solv/queue.hpp"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace pydeb::adapters::solv;

namespace
{

SolvableId add_package(ObjPool& pool, ObjRepoView repo, const char* name, const char* evr)
{
    ObjSolvableView s = repo.add_solvable();
    s.set_name(pool.add_string(name));
    s.set_evr(pool.add_string(evr));
    s.set_arch();
    s.add_self_provide();
    return s.id();
}

} // namespace

TEST_CASE("solv::ObjQueue")
{
    ObjQueue queue{3, 4};
    queue.push_back(5);
    CHECK(queue.size() == 3);
    CHECK(queue[2] == 5);
    const ObjQueue copy = queue;
    queue.clear();
    CHECK(queue.empty());
    CHECK(copy.to_vector() == std::vector<Id>{3, 4, 5});
    ObjQueue moved = std::move(const_cast<ObjQueue&>(copy));
    CHECK(moved.size() == 3);
}

TEST_CASE("solv::ObjPool strings, relations and solvables")
{
    ObjPool pool;
    CHECK(pool.disttype() == DistType::deb); // Debian's libsolv: DISTTYPE_DEB
    const StringId foo = pool.add_string("foo");
    CHECK(pool.find_string("foo") == foo);
    CHECK_FALSE(pool.find_string("never-added").has_value());
    CHECK(pool.string(foo) == "foo");

    const DependencyId rel = pool.add_relation(foo, Relation::greater_equal, pool.add_string("1"));
    CHECK(ObjPoolView::is_relation(rel));
    CHECK_FALSE(ObjPoolView::is_relation(foo));
    CHECK(pool.relation(rel)->name == foo);
    CHECK(pool.dependency_to_string(rel) == "foo >= 1");

    ObjRepoView repo = pool.add_repo("test");
    const SolvableId one = add_package(pool, repo, "foo", "1");
    const SolvableId two = add_package(pool, repo, "foo", "2");
    const SolvableId bar = add_package(pool, repo, "bar", "1");
    repo.internalize();
    CHECK(repo.solvable_count() == 3);
    CHECK(pool.solvable(two).to_string() == "foo-2.all");
    CHECK(pool.solvable(one).evr() == "1");

    pool.create_whatprovides();
    CHECK(pool.whatprovides(rel) == std::vector<SolvableId>{one, two});
    CHECK(pool.whatprovides(foo) == std::vector<SolvableId>{one, two});
    int visited = 0;
    pool.for_each_whatprovides_id(foo,
                                  [&](SolvableId)
                                  {
                                      ++visited;
                                      return LoopControl::stop;
                                  });
    CHECK(visited == 1);
    std::vector<SolvableId> all;
    pool.for_each_solvable_id([&](SolvableId id) { all.push_back(id); });
    CHECK(all == std::vector<SolvableId>{one, two, bar});
}

TEST_CASE("solv::ObjPool namespace callback")
{
    ObjPool pool;
    ObjRepoView repo = pool.add_repo("test");
    const SolvableId one = add_package(pool, repo, "foo", "1");
    const SolvableId two = add_package(pool, repo, "foo", "2");
    repo.internalize();
    int calls = 0;
    pool.set_namespace_callback(
        [&](ObjPoolView view, StringId ns, StringId argument) -> std::vector<SolvableId>
        {
            ++calls;
            if (view.string(argument) == "throw")
            {
                throw std::runtime_error("matcher failed");
            }
            if (view.string(argument) == "none")
            {
                return {};
            }
            return view.string(argument) == "new" ? std::vector{two} : view.whatprovides(ns);
        });
    pool.create_whatprovides();
    const StringId foo = pool.add_string("foo");
    CHECK(pool.whatprovides(pool.add_namespace_dependency(foo, pool.add_string("new"))) ==
          std::vector<SolvableId>{two});
    CHECK(pool.whatprovides(pool.add_namespace_dependency(foo, pool.add_string("any"))) ==
          std::vector<SolvableId>{one, two});
    // Empty must stay empty (pool_ids2whatprovides of nothing would mean "the system").
    CHECK(pool.whatprovides(pool.add_namespace_dependency(foo, pool.add_string("none"))).empty());
    const DependencyId throwing = pool.add_namespace_dependency(foo, pool.add_string("throw"));
    CHECK_THROWS_WITH_AS(static_cast<void>(pool.whatprovides(throwing)), "matcher failed",
                         std::runtime_error);
    CHECK(calls == 4);
}
