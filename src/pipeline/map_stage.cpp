#include "pipeline/map_stage.hpp"

#include "depmap/map.hpp"
#include "python/rpm_version.hpp"

#include <iostream>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

std::vector<depmap::RepoSource> repositories(const spec::Spec& spec, depmap::Target target)
{
    std::vector<depmap::RepoSource> out;
    if (target == depmap::Target::deb)
    {
        for (const auto& path : spec.deb.repositories)
        {
            out.push_back({depmap::RepoKind::apt_packages, path});
        }
    }
    else
    {
        for (const auto& path : spec.rpm.repositories)
        {
            out.push_back({depmap::RepoKind::rpm_md, path});
        }
    }
    return out;
}

depmap::MapRequest map_request(const Prepared& prepared, const fs::path& root,
                               depmap::Target target)
{
    const spec::Spec& spec = prepared.spec;
    depmap::MapRequest request;
    request.stage_root = root;
    request.prefix = spec.prefix;
    request.target = target;
    // A bundled interpreter is in the package: its ELF objects are mapped like the wheels' ones,
    // and nothing depends on a system Python.
    request.interpreter = prepared.bundle ? fs::path() : fs::path(prepared.facts.executable);
    request.extra_depends = target == depmap::Target::deb ? spec.deb.depends : spec.rpm.requires_;
    request.repos = repositories(spec, target);
    return request;
}

} // namespace

Expected<depmap::Mapping> map_stage(const Prepared& prepared, const fs::path& root,
                                    depmap::Target target)
{
    return depmap::map_dependencies(map_request(prepared, root, target));
}

Expected<depmap::Mapping> map_stage(const Prepared& prepared, const fs::path& root,
                                    depmap::Target target,
                                    const std::vector<package::Entry>& entries)
{
    depmap::MapRequest request = map_request(prepared, root, target);
    auto& files = request.staged_files.emplace();
    files.reserve(entries.size());
    for (const auto& entry : entries)
    {
        if (entry.type == package::EntryType::file)
        {
            files.push_back({entry.path, entry.content_key});
        }
    }
    return depmap::map_dependencies(request);
}

void set_relations(const resolve::Resolution& resolution, const depmap::Mapping& mapping,
                   depmap::Target target, package::PackageInfo& info)
{
    auto& relations = info.relations;
    if (target == depmap::Target::deb)
    {
        relations.depends = mapping.deb_depends;
        return;
    }
    relations.rpm_requires = mapping.rpm_requires;
    for (const auto& wheel : resolution.wheels)
    {
        // Fedora's pythondistdeps names a distribution by its PEP 503 normalised name (its
        // default --normalized-names-format pep503) and converts the PEP 440 version the same
        // way to_rpm_version does.
        relations.rpm_provides.push_back("bundled(python3dist(" + wheel.name +
                                         ")) = " + python::to_rpm_version(wheel.version));
    }
}

Expected<void> apply_mapping(const Prepared& prepared, const resolve::Resolution& resolution,
                             const depmap::Mapping& mapping, depmap::Target target,
                             package::PackageInfo& info)
{
    const spec::Spec& spec = prepared.spec;
    for (const auto& warning : mapping.warnings)
    {
        std::cerr << "pydeb: warning: " << warning << "\n";
    }
    set_relations(resolution, mapping, target, info);
    const auto& relations = info.relations;
    if (spec.check_installable == spec::InstallabilityCheck::off)
    {
        return {};
    }
    depmap::InstallCheck check;
    check.target = target;
    check.package_name = info.name;
    check.version = info.version + "-" + info.release;
    check.architecture =
        target == depmap::Target::deb ? info.deb_architecture : info.rpm_architecture;
    check.relations = target == depmap::Target::deb ? relations.depends : relations.rpm_requires;
    check.repos = repositories(spec, target);
    check.policy = spec.check_installable == spec::InstallabilityCheck::error
                       ? depmap::ProblemPolicy::error
                       : depmap::ProblemPolicy::warn;
    if (target == depmap::Target::rpm && check.repos.empty())
    {
        return {}; // rpm has no default repository on a Debian build host: nothing to check
    }
    const auto problems = depmap::check_installable(check);
    if (!problems)
    {
        return fail("the " + std::string(target == depmap::Target::deb ? ".deb" : ".rpm") +
                    " would not install: " + problems.error().message +
                    "\n(set check-installable: warn in the spec to build anyway)");
    }
    for (const auto& problem : *problems)
    {
        std::cerr << "pydeb: warning: " << problem << "\n";
    }
    return {};
}

} // namespace pydeb::pipeline
