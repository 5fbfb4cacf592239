// Test driver for tests/integration/depmap: the depmap API on the command line, so shell tests can
// compare it with dpkg-shlibdeps, rpm's elfdeps and real repositories.
//   depmap-driver map deb|rpm STAGE PREFIX [--interpreter P] [--repo KIND:PATH]... [--extra DEP]...
//                 [--listed]
//   depmap-driver check deb|rpm NAME VERSION ARCH [--repo KIND:PATH]... -- RELATION...
//   depmap-driver solvables apt|text FILE
// KIND: apt, dpkg, rpmmd, rpmdb. --listed: the stage's files are passed as a listing, each named
// by its sha256 (as `pydeb build` passes its entries), instead of walked. `map` prints one line per
// soname, then "Depends: ..." or "Requires: r1, r2" and warnings on stderr; `check` prints each
// problem, exit 1 if any; `solvables` loads one Debian list (apt: as load_apt_packages reads a
// list, compressed or not; text: plain stanzas through load_debian_stanzas) and prints one line per
// solvable: name, evr, arch, Multi-Arch, dpkg Status, then provides, requires (pre-depends after
// "(pre)"), conflicts, obsoletes, recommends, suggests, enhances.
#include "adapters/solv/pool.hpp"
#include "adapters/solv_repos/loaders.hpp"
#include "depmap/map.hpp"
#include "elf/scan.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

using namespace pydeb;

namespace
{

int usage()
{
    std::cerr << "usage: depmap-driver map deb|rpm STAGE PREFIX [options] | "
                 "check deb|rpm NAME VERSION ARCH [--repo KIND:PATH]... -- RELATION... | "
                 "solvables apt|text FILE\n";
    return 2;
}

bool parse_repo(const std::string& text, std::vector<depmap::RepoSource>& repos)
{
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string path = colon == std::string::npos ? "" : text.substr(colon + 1);
    if (kind == "apt")
    {
        repos.push_back({depmap::RepoKind::apt_packages, path});
    }
    else if (kind == "dpkg")
    {
        repos.push_back({depmap::RepoKind::dpkg_status, path});
    }
    else if (kind == "rpmmd")
    {
        repos.push_back({depmap::RepoKind::rpm_md, path});
    }
    else if (kind == "rpmdb")
    {
        repos.push_back({depmap::RepoKind::rpmdb, path});
    }
    else
    {
        return false;
    }
    return true;
}

// The stage's regular files as the build lists them (install paths), sorted.
std::vector<std::string> list_stage(const std::filesystem::path& stage)
{
    std::vector<std::string> listing;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(stage))
    {
        if (entry.is_regular_file() && !entry.is_symlink())
        {
            listing.push_back("/" + entry.path().lexically_relative(stage).string());
        }
    }
    std::ranges::sort(listing);
    return listing;
}

int run_map(const std::vector<std::string>& args)
{
    if (args.size() < 3)
    {
        return usage();
    }
    depmap::MapRequest request;
    request.cache = util::CacheStore::from_environment();
    request.target = args[0] == "rpm" ? depmap::Target::rpm : depmap::Target::deb;
    request.stage_root = args[1];
    request.prefix = args[2];
    bool listed = false;
    for (std::size_t i = 3; i < args.size(); i += 2)
    {
        if (args[i] == "--listed")
        {
            listed = true;
            --i; // a flag, no value
        }
        else if (i + 1 >= args.size())
        {
            return usage();
        }
        else if (args[i] == "--interpreter")
        {
            request.interpreter = args[i + 1];
        }
        else if (args[i] == "--extra")
        {
            request.extra_depends.push_back(args[i + 1]);
        }
        else if (args[i] != "--repo" || !parse_repo(args[i + 1], request.repos))
        {
            return usage();
        }
    }
    auto objects = listed ? elf::scan_files(request.stage_root, list_stage(request.stage_root))
                          : elf::scan_tree(request.stage_root);
    if (!objects)
    {
        std::cerr << "error: " << objects.error().message << "\n";
        return 1;
    }
    request.objects = *objects;
    auto mapping = depmap::map_dependencies(request);
    if (!mapping)
    {
        std::cerr << "error: " << mapping.error().message << "\n";
        return 1;
    }
    for (const auto& line : depmap::describe(*mapping, request.prefix))
    {
        std::cout << line << "\n";
    }
    for (const auto& warning : mapping->warnings)
    {
        std::cerr << "warning: " << warning << "\n";
    }
    if (request.target == depmap::Target::deb)
    {
        std::cout << "Depends: " << util::join(mapping->deb_depends, ", ") << "\n";
    }
    else
    {
        std::cout << "Requires: " << util::join(mapping->rpm_requires, ", ") << "\n";
    }
    return 0;
}

int run_check(const std::vector<std::string>& args)
{
    if (args.size() < 4)
    {
        return usage();
    }
    depmap::InstallCheck check;
    check.cache = util::CacheStore::from_environment();
    check.target = args[0] == "rpm" ? depmap::Target::rpm : depmap::Target::deb;
    check.package_name = args[1];
    check.version = args[2];
    check.architecture = args[3];
    check.policy = depmap::ProblemPolicy::warn;
    std::size_t i = 4;
    for (; i < args.size() && args[i] != "--"; i += 2)
    {
        if (args[i] != "--repo" || i + 1 >= args.size() || !parse_repo(args[i + 1], check.repos))
        {
            return usage();
        }
    }
    check.relations.assign(args.begin() + static_cast<long>(std::min(i + 1, args.size())),
                           args.end());
    auto problems = depmap::check_installable(check);
    if (!problems)
    {
        std::cerr << "error: " << problems.error().message << "\n";
        return 2;
    }
    for (const auto& problem : *problems)
    {
        std::cout << problem << "\n";
    }
    return problems->empty() ? 0 : 1;
}

int run_solvables(const std::vector<std::string>& args)
{
    namespace solv = adapters::solv;
    if (args.size() != 2 || (args[0] != "apt" && args[0] != "text"))
    {
        return usage();
    }
    solv::ObjPool pool;
    const auto text = args[0] == "text" ? util::read_file(args[1]) : Expected<std::string>();
    if (!text)
    {
        std::cerr << "error: " << text.error().message << "\n";
        return 1;
    }
    auto repo = args[0] == "apt" ? adapters::solv_repos::load_apt_packages(pool, args[1])
                                 : adapters::solv_repos::load_debian_stanzas(pool, "text", *text);
    if (!repo)
    {
        std::cerr << "error: " << repo.error().message << "\n";
        return 1;
    }
    repo->for_each_solvable_id(
        [&](solv::SolvableId id)
        {
            const auto s = pool.solvable(id);
            std::cout << s.name() << " " << s.evr() << " " << s.arch()
                      << " multi-arch:" << s.lookup_string("solvable:multiarch").value_or("-")
                      << " status:" << s.lookup_string("solvable:installstatus").value_or("-");
            for (const auto kind :
                 {solv::DependencyKind::provides, solv::DependencyKind::requires_,
                  solv::DependencyKind::conflicts, solv::DependencyKind::obsoletes,
                  solv::DependencyKind::recommends, solv::DependencyKind::suggests,
                  solv::DependencyKind::enhances})
            {
                std::cout << " |";
                for (const auto dep : s.dependencies(kind))
                {
                    const auto text = pool.dependency_to_string(dep);
                    std::cout << " " << (text == "solvable:prereqmarker" ? "(pre)" : text);
                }
            }
            std::cout << "\n";
        });
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 2)
    {
        return usage();
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "map")
    {
        return run_map(args);
    }
    if (command == "check")
    {
        return run_check(args);
    }
    if (command == "solvables")
    {
        return run_solvables(args);
    }
    return usage();
}
