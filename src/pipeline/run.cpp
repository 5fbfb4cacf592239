// The stage sequence on one page. Each stage is a free function with narrow parameters; this file
// only decides the order and what flows from one stage to the next:
//   prepare (spec, interpreter, project wheel) → resolve → install (stage) → map → write.
#include "pipeline/run.hpp"

#include "depmap/map.hpp"
#include "integration/debian_defaults.hpp"
#include "integration/rpm_filelist.hpp"
#include "integration/substvars.hpp"
#include "package/contents.hpp"
#include "package/deb/writer.hpp"
#include "package/rpm/writer.hpp"
#include "pipeline/entry_facts.hpp"
#include "pipeline/lockfile_stage.hpp"
#include "pipeline/map_stage.hpp"
#include "pipeline/sbom_stage.hpp"
#include "pipeline/stage_files.hpp"
#include "pipeline/stage_venv.hpp"

#include <ctime>
#include <map>
#include <iostream>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

depmap::Target target_of(spec::Format format)
{
    return format == spec::Format::deb ? depmap::Target::deb : depmap::Target::rpm;
}

// One package file: the mapped relations for its format, the installability check, the SBOM
// (inside the package and beside it), the writer.
Expected<fs::path> write_format(const Prepared& prepared, const resolve::Resolution& resolution,
                                const fs::path& root, package::PackageInfo info,
                                spec::Format format, const fs::path& output_dir,
                                util::StageClock& clock)
{
    const depmap::Target target = target_of(format);
    const depmap::Mapping mapping = PYDEB_TRY(map_stage(prepared, root, target, info.entries));
    PYDEB_TRY(apply_mapping(prepared, resolution, mapping, target, info));
    clock.lap(format == spec::Format::deb ? "map (deb)" : "map (rpm)");
    const std::string sbom = PYDEB_TRY(render_sbom(prepared, resolution, info, target));
    PYDEB_TRY(ship_sbom(root, info, sbom, &info.entries));
    const fs::path output =
        output_dir / (format == spec::Format::deb ? package::deb::conventional_filename(info)
                                                  : package::rpm::conventional_filename(info));
    if (format == spec::Format::deb)
    {
        PYDEB_TRY(package::deb::write_package(info, output));
    }
    else
    {
        PYDEB_TRY(package::rpm::write_package(info, output));
    }
    PYDEB_TRY(util::write_file_atomic(sbom_beside(output), sbom));
    clock.lap(format == spec::Format::deb ? "write .deb" : "write .rpm");
    return output;
}

} // namespace

Expected<spec::Defaults> spec_defaults(const SpecContext& context, spec::HeaderKeys header)
{
    spec::Defaults defaults;
    if (context.debian_source)
    {
        defaults = PYDEB_TRY(
            integration::read_debian_defaults(*context.debian_source, context.package));
    }
    const std::map<std::string, std::optional<std::string> spec::Defaults::*, std::less<>> keys{
        {"name", &spec::Defaults::name},         {"version", &spec::Defaults::version},
        {"release", &spec::Defaults::release},   {"summary", &spec::Defaults::summary},
        {"description", &spec::Defaults::description},
        {"maintainer", &spec::Defaults::maintainer},
        {"license", &spec::Defaults::license},   {"homepage", &spec::Defaults::homepage}};
    for (const std::string& pair : context.defaults)
    {
        const std::size_t equals = pair.find('=');
        const auto key = keys.find(std::string_view(pair).substr(0, equals));
        if (equals == std::string::npos || key == keys.end())
        {
            std::vector<std::string> names;
            for (const auto& [name, member] : keys)
            {
                names.push_back(name);
            }
            return fail("--default " + pair + ": expected KEY=VALUE with KEY one of " +
                        util::join(names, ", "));
        }
        if (equals + 1 < pair.size()) // an empty value (an undefined rpm tag) sets nothing
        {
            defaults.*(key->second) = pair.substr(equals + 1);
        }
    }
    defaults.header_keys = context.empty() ? header : spec::HeaderKeys::optional;
    return defaults;
}

Expected<void> validate(const fs::path& spec_path, const SpecContext& context)
{
    const spec::Defaults defaults =
        PYDEB_TRY(spec_defaults(context, spec::HeaderKeys::required));
    const spec::Spec spec = PYDEB_TRY(spec::load(spec_path, defaults));
    std::cout << spec_path.string() << ": ok (" << spec.name << " " << spec.version << "-"
              << spec.release << ", license " << (spec.license.empty() ? "not stated" : spec.license)
              << ", " << spec.requirements.size() << " requirements, venv at " << spec.prefix
              << ")\n";
    return {};
}

Expected<void> resolve(const fs::path& spec_path, const SpecContext& context)
{
    const spec::Defaults defaults =
        PYDEB_TRY(spec_defaults(context, spec::HeaderKeys::required));
    const Prepared prepared = PYDEB_TRY(prepare(spec_path, defaults));
    const resolve::Resolution resolution = PYDEB_TRY(resolve_or_lock(prepared));
    for (const auto& wheel : resolution.wheels)
    {
        std::cout << wheel.name << "==" << wheel.version.to_string() << "\n";
    }
    return {};
}

Expected<void> lock(const fs::path& spec_path, const std::optional<fs::path>& lockfile,
                    const SpecContext& context)
{
    const spec::Defaults defaults =
        PYDEB_TRY(spec_defaults(context, spec::HeaderKeys::required));
    const Prepared prepared = PYDEB_TRY(prepare(spec_path, defaults));
    const fs::path path = lockfile.value_or(prepared.spec.lockfile);
    PYDEB_TRY(write_lock(prepared, path));
    std::cout << path.string() << "\n";
    return {};
}

Expected<void> install(const InstallRequest& request)
{
    // No package is written here: dh_gencontrol or rpmbuild writes the header.
    const spec::Defaults defaults =
        PYDEB_TRY(spec_defaults(request.context, spec::HeaderKeys::optional));
    Prepared prepared = PYDEB_TRY(prepare(request.spec, defaults));
    prepared.spec.strip = request.strip.value_or(prepared.spec.strip);
    prepared.spec.check_installable =
        request.check_installable.value_or(prepared.spec.check_installable);
    const resolve::Resolution resolution = PYDEB_TRY(resolve_or_lock(prepared));
    PYDEB_TRY(stage_venv(prepared, resolution, request.root));
    PYDEB_TRY(stage_extra_files(prepared.spec, request.root));

    // The SBOM goes into the root before the %files list is made; its system packages are
    // those of the format the packaging tool builds (rpmbuild when it asks for rpm lists).
    const depmap::Target target = request.rpm_filelist || request.rpm_requires
                                      ? depmap::Target::rpm
                                      : depmap::Target::deb;
    package::PackageInfo info = PYDEB_TRY(package_info(prepared.spec, prepared.facts));
    info.source_date_epoch = info.source_date_epoch.value_or(inputs_epoch(prepared, resolution));
    const auto mapping = PYDEB_TRY(map_stage(prepared, request.root, target));
    if (request.substvars) // as before the SBOM: only a Depends debhelper uses is checked
    {
        PYDEB_TRY(apply_mapping(prepared, resolution, mapping, target, info));
    }
    else
    {
        set_relations(resolution, mapping, target, info);
    }
    PYDEB_TRY(ship_sbom(request.root, info,
                        PYDEB_TRY(render_sbom(prepared, resolution, info, target)), nullptr));
    if (request.substvars)
    {
        // debhelper: the mapped Depends go to ${pydeb:Depends}; dh_gencontrol writes the field.
        PYDEB_TRY(integration::update_substvars_file(*request.substvars,
                                                     {info.relations.depends, prepared.spec.prefix,
                                                      info.venv.interpreter,
                                                      bytecode_name(prepared.spec)}));
    }
    if (request.rpm_filelist)
    {
        const auto entries =
            PYDEB_TRY(package::collect_entries(request.root, config_paths(prepared.spec)));
        const std::string list = PYDEB_TRY(integration::render_rpm_filelist(entries));
        PYDEB_TRY(util::write_file_atomic(*request.rpm_filelist, list));
    }
    if (request.rpm_requires)
    {
        PYDEB_TRY(util::write_file_atomic(*request.rpm_requires,
                                          integration::render_rpm_requires(mapping.rpm_requires)));
    }
    return {};
}

Expected<void> deps(const fs::path& spec_path, const SpecContext& context)
{
    const spec::Defaults defaults =
        PYDEB_TRY(spec_defaults(context, spec::HeaderKeys::required));
    const Prepared prepared = PYDEB_TRY(prepare(spec_path, defaults));
    const resolve::Resolution resolution = PYDEB_TRY(resolve_or_lock(prepared));
    const fs::path root = prepared.scratch.path() / "root";
    std::cerr << "pydeb: staging the venv to scan its ELF objects...\n";
    PYDEB_TRY(stage_venv(prepared, resolution, root));
    for (const spec::Format format : prepared.spec.formats)
    {
        const auto mapping = PYDEB_TRY(map_stage(prepared, root, target_of(format)));
        for (const auto& line : depmap::describe(mapping, prepared.spec.prefix))
        {
            std::cout << line << "\n";
        }
        if (format == spec::Format::deb)
        {
            std::cout << "Depends: " << util::join(mapping.deb_depends, ", ") << "\n";
        }
        else
        {
            for (const auto& require : mapping.rpm_requires)
            {
                std::cout << "Requires: " << require << "\n";
            }
        }
    }
    return {};
}

Expected<void> build(const BuildRequest& request)
{
    util::StageClock clock(request.timings);
    const std::int64_t started = std::time(nullptr);
    const Prepared prepared = PYDEB_TRY(prepare(request.spec));
    const spec::Spec& spec = prepared.spec;
    clock.lap("prepare");
    const resolve::Resolution resolution = PYDEB_TRY(resolve_or_lock(prepared));
    clock.lap("resolve");

    const fs::path root = prepared.scratch.path() / "root";
    const auto from_cache = PYDEB_TRY(stage_venv(prepared, resolution, root));
    PYDEB_TRY(stage_extra_files(spec, root));
    clock.lap("install");

    package::PackageInfo info = PYDEB_TRY(package_info(spec, prepared.facts));
    info.source_date_epoch = info.source_date_epoch.value_or(inputs_epoch(prepared, resolution));
    info.entries = PYDEB_TRY(package::collect_entries(root, config_paths(spec)));
    mark_cached_entries(info.entries, from_cache, started);
    clock.lap("collect");

    const auto& formats = request.formats.empty() ? spec.formats : request.formats;
    for (std::size_t i = 0; i < formats.size(); ++i)
    {
        // Each format gets its own PackageInfo (relations differ); the last takes this one, so
        // the entries are not copied for a single format.
        const bool last = i + 1 == formats.size();
        const fs::path written = PYDEB_TRY(write_format(
            prepared, resolution, root, last ? std::move(info) : package::PackageInfo(info),
            formats[i], request.output_dir, clock));
        std::cout << written.string() << "\n";
    }
    return {};
}

} // namespace pydeb::pipeline
