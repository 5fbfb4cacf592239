// Non-owning view of one solvable (a package in the pool). The pool owns every solvable and may
// move them when solvables are added, so the view keeps (pool, id) and looks the solvable up on
// every call; it stays valid until its repo is freed.
#pragma once

#include "adapters/solv/ids.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pydeb::adapters::solv
{

// Dependency arrays of a solvable (the SOLVABLE_* keynames of knownid.h).
enum class DependencyKind
{
    provides,
    requires_,
    conflicts,
    obsoletes,
    recommends,
    suggests,
    supplements,
    enhances,
};

class ObjSolvableView
{
public:
    ObjSolvableView(::s_Pool* pool, SolvableId id);

    [[nodiscard]] SolvableId id() const { return m_id; }
    [[nodiscard]] RepoId repo_id() const;

    [[nodiscard]] StringId name_id() const;
    [[nodiscard]] StringId evr_id() const;
    [[nodiscard]] StringId arch_id() const;
    [[nodiscard]] std::string name() const;
    [[nodiscard]] std::string evr() const;
    [[nodiscard]] std::string arch() const;
    // name-evr.arch, as libsolv prints it in problems.
    [[nodiscard]] std::string to_string() const;

    void set_name(StringId name);
    void set_evr(StringId evr);
    // The pool's no-arch id ("all" for DEB, "noarch" for RPM) when nullopt.
    void set_arch(std::optional<StringId> arch = std::nullopt);

    void add_dependency(DependencyKind kind, DependencyId dependency);
    [[nodiscard]] std::vector<DependencyId> dependencies(DependencyKind kind) const;
    // `name = evr`: loaders add it, hand-made solvables must add it themselves
    // (libsolv's ext/repo_deb.c and ext/repo_rpmdb.c add it).
    void add_self_provide();

    // A string attribute by its keyname string ("solvable:installstatus"); nullopt when unset.
    [[nodiscard]] std::optional<std::string> lookup_string(const char* keyname) const;

    [[nodiscard]] ::s_Solvable* raw() const;

private:
    ::s_Pool* m_pool;
    SolvableId m_id;
};

} // namespace pydeb::adapters::solv
