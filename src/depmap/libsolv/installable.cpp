#include "depmap/libsolv/installable.hpp"

#include "adapters/solv/pool.hpp"
#include "adapters/solv/solver.hpp"
#include "adapters/solv_repos/loaders.hpp"
#include "depmap/dpkg_database.hpp"
#include "depmap/libsolv/check_memo.hpp"
#include "depmap/libsolv/target_repos.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <malloc.h>

namespace fs = std::filesystem;
namespace solv = pydeb::adapters::solv;
namespace repos = pydeb::adapters::solv_repos;

namespace pydeb::depmap::libsolv
{

namespace
{

// A problem already listed with what the repositories have ("... (the repositories have ...)")
// counts as the same problem.
void add_unique(std::vector<std::string>& out, std::string text)
{
    if (std::ranges::none_of(out, [&](const std::string& listed) {
            return listed == text || listed.starts_with(text + " (");
        }))
    {
        out.push_back(std::move(text));
    }
}

// Our package as a solvable, Debian: a control stanza parsed like an archive's (libsolv's
// ext/repo_deb.c, repo_add_deb / control2solvable).
Expected<solv::SolvableId> add_debian_package(solv::ObjPool& pool, const InstallCheck& check)
{
    std::string stanza = "Package: " + check.package_name + "\nVersion: " + check.version +
                         "\nArchitecture: " + check.architecture + "\n";
    if (!check.relations.empty())
    {
        stanza += "Depends: " + util::join(check.relations, ", ") + "\n";
    }
    stanza += "\n";
    auto repo = PYDEB_TRY(repos::load_debian_stanzas(pool, "pydeb-candidate", stanza));
    solv::SolvableId id = 0;
    repo.for_each_solvable_id([&](solv::SolvableId s) { id = s; });
    if (id == 0)
    {
        return fail(check.package_name + ": libsolv did not accept the control stanza:\n" + stanza);
    }
    return id;
}

Expected<solv::SolvableId> add_rpm_package(solv::ObjPool& pool, const InstallCheck& check,
                                           std::vector<std::string>& problems)
{
    auto repo = pool.add_repo("pydeb-candidate");
    auto solvable = repo.add_solvable();
    const auto id = solvable.id();
    solvable.set_name(pool.add_string(check.package_name));
    solvable.set_evr(pool.add_string(check.version));
    solvable.set_arch(pool.add_string(check.architecture));
    pool.solvable(id).add_self_provide();
    for (const auto& relation : check.relations)
    {
        const auto dep = repos::parse_rpm_dependency(pool, relation);
        if (dep == 0)
        {
            problems.push_back("cannot parse the requirement '" + relation + "' of " +
                               check.package_name);
            continue;
        }
        pool.solvable(id).add_dependency(solv::DependencyKind::requires_, dep);
    }
    repo.internalize();
    return id;
}

void collect_problems(const solv::ObjSolver& solver, std::size_t count,
                      std::vector<std::string>& problems)
{
    for (solv::ProblemId problem = 1; problem <= static_cast<solv::ProblemId>(count); ++problem)
    {
        bool explained = false;
        for (const auto& rule : solver.problem_rules(problem))
        {
            if (rule.type != solv::RuleType::job && rule.type != solv::RuleType::other)
            {
                add_unique(problems, rule.text);
                explained = true;
            }
        }
        if (!explained)
        {
            add_unique(problems, solver.problem_to_string(problem));
        }
    }
}

// " (the repositories have libc6 2.31-13+deb11u11)": what there is of a relation's name, so a
// version constraint that no release satisfies says what the release has instead.
std::string what_repositories_have(solv::ObjPool& pool, solv::DependencyId dep)
{
    const auto parts = pool.relation(dep);
    if (!parts)
    {
        return "";
    }
    std::vector<std::string> versions;
    for (const auto id : pool.whatprovides(parts->name))
    {
        const auto solvable = pool.solvable(id);
        if (solvable.name_id() == parts->name)
        {
            add_unique(versions, solvable.evr());
        }
    }
    return versions.empty() ? ""
                            : " (the repositories have " + pool.string(parts->name) + " " +
                                  util::join(versions, ", ") + ")";
}

// The check itself, always computed: the repositories loaded, the candidate added, the solver run.
Expected<std::vector<std::string>>
solve_check(const InstallCheck& check, const std::vector<RepoSource>& sources, const fs::path& root)
{
    solv::ObjPool pool;
    std::vector<std::string> problems;
    if (check.target == Target::deb)
    {
        pool.set_disttype(solv::DistType::deb);
        std::string arch = check.architecture;
        if (arch == "all" || arch.empty())
        {
            // dpkg's own architecture is the host's (dpkg --print-architecture).
            auto database = PYDEB_TRY(DpkgDatabase::open(root, check.cache));
            const auto* dpkg = database.find("dpkg");
            arch = dpkg != nullptr ? dpkg->architecture : "amd64";
        }
        pool.set_arch_policy(arch);
    }
    else
    {
        pool.set_disttype(solv::DistType::rpm);
        pool.set_arch(check.architecture == "noarch" ? "x86_64" : check.architecture);
    }
    for (const auto& source : sources)
    {
        PYDEB_TRY(load_repo(pool, source, check.cache));
    }
    const auto id = check.target == Target::deb ? PYDEB_TRY(add_debian_package(pool, check))
                                                : PYDEB_TRY(add_rpm_package(pool, check, problems));
    pool.create_whatprovides();
    const std::string self = pool.solvable_to_string(id);
    for (const auto dep : pool.solvable(id).dependencies(solv::DependencyKind::requires_))
    {
        if (pool.whatprovides(dep).empty())
        {
            add_unique(problems, "nothing provides " + pool.dependency_to_string(dep) +
                                     " needed by " + self + what_repositories_have(pool, dep));
        }
    }
    // The whole package first, then each provided relation on its own: one solve stops at the
    // first failing relation, and a user fixing dependencies wants all of them at once.
    std::vector<solv::Job> jobs{solv::Job::install_solvable(id)};
    for (const auto dep : pool.solvable(id).dependencies(solv::DependencyKind::requires_))
    {
        if (!pool.whatprovides(dep).empty())
        {
            jobs.push_back(solv::Job::install_provides(dep));
        }
    }
    for (std::size_t i = 0; i < jobs.size(); ++i)
    {
        solv::ObjSolver solver(pool);
        solver.set_flag(solv::SolverFlag::ignore_recommended, true);
        const auto count = solver.solve(std::span(&jobs[i], 1));
        if (i == 0 && count == 0)
        {
            break; // installable: the per-relation solves would find nothing more
        }
        collect_problems(solver, count, problems);
    }
    return problems;
}

} // namespace

Expected<std::vector<std::string>> install_problems(const InstallCheck& check, const fs::path& root)
{
    const auto sources = PYDEB_TRY(check_sources(check, root));
    const auto memo = CheckMemo::for_check(check, sources, root);
    if (memo)
    {
        if (auto problems = memo->read())
        {
            return *problems;
        }
    }
    auto problems = solve_check(check, sources, root);
    // The pool of a whole distribution (~40 MB in small blocks) is freed by now, but glibc keeps
    // most of it in the heap, where it stacks under the package writer's buffers and sets the
    // build's peak RSS (issue #9). Hand it back to the kernel: a few ms.
    ::malloc_trim(0);
    if (problems && memo)
    {
        memo->write(*problems);
    }
    return problems;
}

Expected<std::map<std::string, std::vector<std::string>>>
deb_package_versions(const std::vector<std::string>& names,
                     const std::vector<RepoSource>& sources, const util::CacheStore& cache)
{
    solv::ObjPool pool;
    pool.set_disttype(solv::DistType::deb);
    for (const auto& source : sources)
    {
        PYDEB_TRY(load_repo(pool, source, cache));
    }
    pool.create_whatprovides();
    std::map<std::string, std::vector<std::string>> out;
    for (const std::string& name : names)
    {
        std::vector<std::string>& versions = out[name];
        const auto id = pool.find_string(name);
        if (!id)
        {
            continue;
        }
        for (const auto solvable : pool.whatprovides(*id))
        {
            if (pool.solvable(solvable).name_id() == *id)
            {
                add_unique(versions, pool.solvable(solvable).evr());
            }
        }
    }
    return out;
}

Expected<std::vector<std::string>>
unprovided_rpm_requires(const std::vector<std::string>& requires_,
                        const std::vector<RepoSource>& sources, const util::CacheStore& cache)
{
    solv::ObjPool pool;
    pool.set_disttype(solv::DistType::rpm);
    for (const auto& source : sources)
    {
        PYDEB_TRY(load_repo(pool, source, cache));
    }
    std::vector<solv::DependencyId> deps;
    for (const auto& text : requires_)
    {
        deps.push_back(repos::parse_rpm_dependency(pool, text));
    }
    pool.create_whatprovides();
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < deps.size(); ++i)
    {
        if (deps[i] == 0 || pool.whatprovides(deps[i]).empty())
        {
            missing.push_back(requires_[i]);
        }
    }
    return missing;
}

} // namespace pydeb::depmap::libsolv
