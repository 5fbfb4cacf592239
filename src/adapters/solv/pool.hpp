// The libsolv pool (strings, relations, repos, solvables and the whatprovides index), split as in
// libmamba's solv-cpp: ObjPoolView is the non-owning API, ObjPool owns the Pool* and the
// namespace callback. Ownership and lifetime rules: libsolv's doc/libsolv-pool.txt.
#pragma once

#include "adapters/solv/ids.hpp"
#include "adapters/solv/repo.hpp"
#include "adapters/solv/solvable.hpp"

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::adapters::solv
{

// The parts of a relation id (pool_rel2id): for a namespace dependency, name is the namespace and
// evr its argument.
struct RelationParts
{
    Id name = 0;
    Id evr = 0;
    int flags = 0;
};

class ObjPoolView
{
public:
    explicit ObjPoolView(::s_Pool* pool) : m_pool(pool) {}

    [[nodiscard]] DistType disttype() const;
    // Call before set_arch*: it also sets the no-arch id ("all" for DEB, "noarch" for RPM).
    void set_disttype(DistType type);
    // pool_setarch expands e.g. x86_64 to its compatible arch list (rpm); pool_setarchpolicy takes
    // the exact ":"-separated policy (Debian: "amd64" plus foreign architectures), libsolv's src/poolarch.c.
    void set_arch(const std::string& arch);
    void set_arch_policy(const std::string& policy);

    [[nodiscard]] StringId add_string(std::string_view text);
    [[nodiscard]] std::optional<StringId> find_string(std::string_view text) const;
    // A copy: the string space moves when strings are added.
    [[nodiscard]] std::string string(StringId id) const;

    [[nodiscard]] DependencyId add_relation(Id name, Relation relation, Id evr);
    // A REL_NAMESPACE dependency, resolved by the namespace callback: (namespace, argument).
    [[nodiscard]] DependencyId add_namespace_dependency(StringId ns, StringId argument);
    [[nodiscard]] static bool is_relation(DependencyId id);
    [[nodiscard]] std::optional<RelationParts> relation(DependencyId id) const;
    [[nodiscard]] std::string dependency_to_string(DependencyId id) const;

    [[nodiscard]] ObjRepoView add_repo(std::string_view name);
    [[nodiscard]] ObjSolvableView solvable(SolvableId id) const;
    [[nodiscard]] std::string solvable_to_string(SolvableId id) const;
    [[nodiscard]] std::size_t solvable_count() const;

    // Build the index; needed again after any solvable or provide was added.
    void create_whatprovides();
    // Forget cached namespace answers (after the callback's inputs changed); ns 0 = all.
    void flush_namespace_providers(StringId ns = 0, StringId argument = 0);
    // Solvables providing dep; may call the namespace callback.
    [[nodiscard]] std::vector<SolvableId> whatprovides(DependencyId dep) const;

    template <typename Func> void for_each_whatprovides_id(DependencyId dep, Func&& func) const
    {
        visit_whatprovides(dep, make_visitor(std::forward<Func>(func)));
    }

    template <typename Func> void for_each_solvable_id(Func&& func) const
    {
        visit_solvable_ids(make_visitor(std::forward<Func>(func)));
    }

    [[nodiscard]] ::s_Pool* raw() const { return m_pool; }

protected:
    ::s_Pool* m_pool;

private:
    void visit_whatprovides(DependencyId dep, const IdVisitor& visitor) const;
    void visit_solvable_ids(const IdVisitor& visitor) const;
};

// Answers a namespace dependency (namespace, argument) with the solvables that satisfy it; an
// empty answer means "nothing provides it". It may throw: the exception is kept while libsolv's C
// frames unwind and rethrown by the ObjPool/ObjSolver call that triggered the callback.
using NamespaceCallback =
    std::function<std::vector<SolvableId>(ObjPoolView pool, StringId ns, StringId argument)>;

class ObjPool : public ObjPoolView
{
public:
    ObjPool();
    ~ObjPool();
    ObjPool(const ObjPool&) = delete;
    ObjPool& operator=(const ObjPool&) = delete;

    void set_namespace_callback(NamespaceCallback callback);
    // Rethrow (once) an exception a callback raised inside libsolv.
    void rethrow_callback_error();

    [[nodiscard]] std::vector<SolvableId> whatprovides(DependencyId dep);

    struct State; // callback and pending exception (pool_owner.cpp), reached by the trampoline

private:
    std::unique_ptr<State> m_state;
};

// The libsolv release this process runs with ("0.7.23"): a cached solver answer is only valid for
// the libsolv that gave it.
[[nodiscard]] std::string_view library_version();

} // namespace pydeb::adapters::solv
