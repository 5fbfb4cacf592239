#include "pipeline/map_stage.hpp"

#include "depmap/map.hpp"
#include "pipeline/release_origin.hpp"
#include "elf/scan.hpp"
#include "python/rpm_version.hpp"
#include "util/strings.hpp"

#include <string_view>
#include <unordered_set>

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

// Why a target release refuses what the build host made, when it is the host itself: its glibc
// (the bundled interpreter and the wheels' objects carry the host's symbol versions, whatever the
// packaging says). A release's own python3.X is the venv's already (target_plan.hpp).
std::string target_hints(const TargetBuild& build, const Error& problems)
{
    if (problems.message.find("nothing provides libc6 ") == std::string::npos)
    {
        return "";
    }
    return "\nglibc: the package's ELF objects (a bundled interpreter's too) were linked "
           "against the build host's glibc, newer than " + build.name + "'s; build on " +
           build.name + " (or older), or leave it out of targets";
}

} // namespace

Expected<StagedObjects> scan_stage(const fs::path& root)
{
    return StagedObjects{root, PYDEB_TRY(elf::scan_tree(root))};
}

Expected<StagedObjects> scan_stage(const fs::path& root, const std::vector<package::Entry>& entries,
                                   const std::vector<install::CachedWheelFiles>& cached)
{
    std::unordered_set<std::string_view> data;
    for (const auto& wheel : cached)
    {
        for (std::size_t i = 0; i < wheel.files.size() && i < wheel.contents.size(); ++i)
        {
            if (wheel.contents[i] == install::FileContent::data)
            {
                data.insert(wheel.files[i]);
            }
        }
    }
    std::vector<std::string> files;
    for (const auto& entry : entries)
    {
        if (entry.type == package::EntryType::file && !data.contains(entry.path))
        {
            files.push_back(entry.path);
        }
    }
    return StagedObjects{root, PYDEB_TRY(elf::scan_files(root, files))};
}

Expected<depmap::Mapping> map_stage(const Prepared& prepared, const StagedObjects& staged,
                                    depmap::Target target, const TargetBuild& build)
{
    const spec::Spec& spec = prepared.spec;
    depmap::MapRequest request;
    request.stage_root = staged.root;
    request.objects = staged.objects;
    request.prefix = spec.prefix;
    request.target = target;
    // A bundled interpreter is in the package: its ELF objects are mapped like the wheels' ones,
    // and nothing depends on a system Python.
    request.interpreter = prepared.bundle ? fs::path() : fs::path(prepared.facts.executable);
    request.extra_depends = target == depmap::Target::deb ? spec.deb.depends : spec.rpm.requires_;
    if (build.python)
    {
        // The release's python3.X, not on this host: what the host's own build depends on for
        // its /usr/bin/python3.Y (Debian's python3.Y, which ships it, see depmap/interpreter.hpp),
        // with the release's X.
        request.interpreter.clear();
        request.extra_depends.push_back("python" + build.python->python_version());
    }
    request.repos = repositories(spec, target);
    request.cache = prepared.cache;
    if (target != depmap::Target::deb || !build.release)
    {
        return depmap::map_dependencies(request);
    }
    // A Debian target: its own Contents and control files; errors say which target.
    const auto mapped = [&]() -> Expected<depmap::Mapping> {
        const auto origin = PYDEB_TRY(release_origin(prepared, staged, *build.release));
        request.libraries = origin.get();
        return depmap::map_dependencies(request);
    };
    auto mapping = mapped();
    if (!mapping)
    {
        return std::unexpected(
            context(build.where + ": target " + build.name, std::move(mapping.error())));
    }
    return mapping;
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

depmap::InstallCheck installability_check(const Prepared& prepared,
                                          const package::PackageInfo& info, depmap::Target target,
                                          const TargetBuild& build)
{
    depmap::InstallCheck check;
    check.cache = prepared.cache;
    check.target = target;
    check.package_name = info.name;
    check.version = info.version + "-" + info.release;
    check.architecture =
        target == depmap::Target::deb ? info.deb_architecture : info.rpm_architecture;
    check.relations =
        target == depmap::Target::deb ? info.relations.depends : info.relations.rpm_requires;
    check.repos = build.repos.empty() ? repositories(prepared.spec, target) : build.repos;
    return check;
}

Expected<void> apply_mapping(const Prepared& prepared, const resolve::Resolution& resolution,
                             const depmap::Mapping& mapping, depmap::Target target,
                             const TargetBuild& build, package::PackageInfo& info)
{
    const spec::Spec& spec = prepared.spec;
    for (const auto& warning : mapping.warnings)
    {
        util::warn(prepared.progress, warning);
    }
    set_relations(resolution, mapping, target, info);
    if (spec.check_installable == spec::InstallabilityCheck::off)
    {
        return {};
    }
    depmap::InstallCheck check = installability_check(prepared, info, target, build);
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
        const std::string on = build.name.empty() ? "" : " on " + build.name;
        const std::string hints = build.name.empty() ? "" : target_hints(build, problems.error());
        return fail("the " + std::string(target == depmap::Target::deb ? ".deb" : ".rpm") +
                    " would not install" + on + ": " + problems.error().message + hints +
                    "\n(set check-installable: warn in the spec to build anyway)");
    }
    for (const auto& problem : *problems)
    {
        util::warn(prepared.progress, problem);
    }
    return {};
}

} // namespace pydeb::pipeline
