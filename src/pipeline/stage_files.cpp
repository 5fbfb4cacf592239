#include "pipeline/stage_files.hpp"

#include "pipeline/stage_services.hpp"
#include "pipeline/stage_venv.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

Expected<void> stage_extra_files(const spec::Spec& spec, const fs::path& root)
{
    for (const auto& file : spec.files)
    {
        const std::string where = file.where.to_string();
        if (file.dest == spec.prefix || file.dest.starts_with(spec.prefix + "/"))
        {
            return fail(where + ": dest " + file.dest + " is inside the venv prefix " + spec.prefix +
                        "; the installer owns that tree, choose a path outside it");
        }
        // dest is absolute and normalised (spec validation), so ROOT/dest stays inside ROOT.
        const fs::path target = root / file.dest.substr(1);
        std::error_code ec;
        if (fs::symlink_status(target, ec).type() != fs::file_type::not_found)
        {
            return fail(where + ": dest " + file.dest +
                        " is already in the package (from the venv or an earlier files: entry)");
        }
        // Each directory made here is 0755 (Debian Policy §10.9), set explicitly: mkdir's mode
        // is narrowed or widened by the builder's umask (0002 gives a group-writable /etc/myapp),
        // and the package bytes must not depend on it.
        fs::path directory = root;
        for (const auto& component : fs::path(file.dest).parent_path().relative_path())
        {
            directory /= component;
            if (fs::is_symlink(directory, ec))
            {
                return fail(where + ": cannot create the directory for " + file.dest +
                            " in the stage: " + directory.string() + " is a symbolic link");
            }
            if (fs::create_directory(directory, ec))
            {
                fs::permissions(directory, fs::perms(0755), fs::perm_options::replace, ec);
            }
            if (ec)
            {
                return fail(where + ": cannot create the directory for " + file.dest +
                            " in the stage: " + directory.string() + ": " + ec.message());
            }
        }
        fs::copy_file(file.source, target, ec);
        if (ec)
        {
            return fail(where + ": cannot copy " + file.source.string() + ": " + ec.message());
        }
        fs::permissions(target, fs::perms(file.mode), fs::perm_options::replace, ec);
    }
    return {};
}

std::vector<std::string> config_paths(const spec::Spec& spec)
{
    std::vector<std::string> out;
    for (const auto& file : spec.files)
    {
        if (file.kind == spec::FileKind::config)
        {
            out.push_back(file.dest);
        }
    }
    return out;
}

Expected<std::string> debian_architecture(const std::string& machine)
{
    // dpkg-architecture's cpu table for the common Linux targets.
    static const std::map<std::string, std::string> k_arch{
        {"x86_64", "amd64"},   {"aarch64", "arm64"}, {"i686", "i386"},       {"i586", "i386"},
        {"i386", "i386"},      {"armv7l", "armhf"},  {"ppc64le", "ppc64el"}, {"s390x", "s390x"},
        {"riscv64", "riscv64"}, {"mips64", "mips64el"},
    };
    if (const auto it = k_arch.find(machine); it != k_arch.end())
    {
        return it->second;
    }
    return fail("the interpreter's machine '" + machine + "' has no known Debian architecture");
}

std::string rpm_architecture(const std::string& machine)
{
    return machine == "i386" || machine == "i586" ? "i686" : machine;
}

namespace
{

Expected<std::string> read_hook(const std::optional<fs::path>& path)
{
    if (!path)
    {
        return std::string();
    }
    return util::read_file(*path);
}

} // namespace

Expected<package::PackageInfo> package_info(const spec::Spec& spec,
                                            const python::InterpreterFacts& facts)
{
    package::PackageInfo info;
    info.name = spec.name;
    info.epoch = spec.epoch;
    info.version = spec.version;
    info.release = spec.release;
    info.summary = spec.summary;
    info.description = spec.description;
    info.maintainer = spec.maintainer;
    info.license = spec.license;
    info.homepage = spec.homepage;
    info.section = spec.deb.section;
    info.priority = spec.deb.priority;
    info.group = spec.rpm.group;
    info.deb_architecture = PYDEB_TRY(debian_architecture(facts.machine));
    info.rpm_architecture = rpm_architecture(facts.machine);
    info.compression = spec.compression;

    auto& rel = info.relations;
    rel.depends = spec.deb.depends;
    rel.pre_depends = spec.deb.pre_depends;
    rel.recommends = spec.deb.recommends;
    rel.suggests = spec.deb.suggests;
    rel.conflicts = spec.deb.conflicts;
    rel.breaks = spec.deb.breaks;
    rel.replaces = spec.deb.replaces;
    rel.provides = spec.deb.provides;
    rel.rpm_requires = spec.rpm.requires_;
    rel.rpm_provides = spec.rpm.provides;
    rel.rpm_conflicts = spec.rpm.conflicts;
    rel.rpm_obsoletes = spec.rpm.obsoletes;
    rel.rpm_recommends = spec.rpm.recommends;

    auto& life = info.lifecycle;
    life.pre_install = PYDEB_TRY(read_hook(spec.hooks.pre_install));
    life.post_install = PYDEB_TRY(read_hook(spec.hooks.post_install));
    life.pre_upgrade = PYDEB_TRY(read_hook(spec.hooks.pre_upgrade));
    life.post_upgrade = PYDEB_TRY(read_hook(spec.hooks.post_upgrade));
    life.pre_remove = PYDEB_TRY(read_hook(spec.hooks.pre_remove));
    life.post_remove = PYDEB_TRY(read_hook(spec.hooks.post_remove));
    life.post_purge = PYDEB_TRY(read_hook(spec.hooks.post_purge));

    if (spec.bundle)
    {
        // TLS in the bundled interpreter trusts the target's CA bundle (templates/bundle).
        if (std::ranges::find(rel.recommends, "ca-certificates") == rel.recommends.end())
        {
            rel.recommends.push_back("ca-certificates");
        }
        if (std::ranges::find(rel.rpm_recommends, "ca-certificates") == rel.rpm_recommends.end())
        {
            rel.rpm_recommends.push_back("ca-certificates");
        }
    }

    info.venv.prefix = spec.prefix;
    info.venv.interpreter = spec.bundle ? spec.prefix + "/bin/python3" : facts.executable;
    info.venv.compile_bytecode_on_install = venv_bytecode(spec, facts) == spec::Bytecode::install;
    info.services = service_actions(spec);
    for (const spec::StateDirectory& dir : spec.directories)
    {
        if (dir.purge == spec::Purge::yes)
        {
            info.venv.purge_paths.push_back(dir.path);
        }
    }

    // SOURCE_DATE_EPOCH (reproducible-builds.org spec): an integer; anything else is ignored,
    // as dpkg-deb does, rather than failing a build over a stray variable.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0')
    {
        char* end = nullptr;
        const long long value = std::strtoll(epoch, &end, 10);
        if (end != nullptr && *end == '\0' && value >= 0)
        {
            info.source_date_epoch = value;
        }
    }
    return info;
}

} // namespace pydeb::pipeline
