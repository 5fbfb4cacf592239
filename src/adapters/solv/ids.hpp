// Id aliases and loop control for the libsolv adapter (after libmamba's solv-cpp ids.hpp). The
// headers of this adapter never include <solv/*.h>: libsolv's structs are only forward-declared,
// so the layers above see plain integers and RAII types, nothing of the C API.
#pragma once

#include <functional>
#include <type_traits>

// libsolv's C structs (typedef'd as Pool, Solver, Queue, Repo, Solvable in <solv/*.h>).
struct s_Pool;
struct s_Solver;
struct s_Queue;
struct s_Repo;
struct s_Solvable;

namespace pydeb::adapters::solv
{

// libsolv's Id is a plain int everywhere; the aliases document which kind of id a value is.
using Id = int;
using StringId = Id;     // a string in the pool's string space (names, versions)
using DependencyId = Id; // a string id or a relation id (bit 31 set); 0 means none
using SolvableId = Id;   // 1 is the system solvable; real solvables start at 2
using RepoId = Id;
using OffsetId = Id; // an offset into the pool's whatprovides data
using RuleId = Id;
using ProblemId = Id; // 1-based

// Relation flags of pool_rel2id (pool.h): comparisons combine lt/eq/gt bits.
enum class Relation : int
{
    greater = 1,
    equal = 2,
    greater_equal = 3,
    less = 4,
    not_equal = 5,
    less_equal = 6,
    and_ = 16,
    or_ = 17,
    with = 18,
    namespace_ = 19,
};

enum class DistType
{
    deb, // libsolv's default on Debian builds: Debian version order, `all` as no-arch
    rpm,
};

// Returned by for_each_* callbacks that want to stop early; a callback returning void visits all.
enum class LoopControl
{
    go_on,
    stop,
};

using IdVisitor = std::function<LoopControl(Id)>;

// Adapt a callback returning void or LoopControl to an IdVisitor.
template <typename Func> IdVisitor make_visitor(Func&& func)
{
    return [&func](Id id)
    {
        if constexpr (std::is_same_v<std::invoke_result_t<Func&, Id>, LoopControl>)
        {
            return func(id);
        }
        else
        {
            func(id);
            return LoopControl::go_on;
        }
    };
}

} // namespace pydeb::adapters::solv
