// The stage sequence on one page. Each stage is a free function with narrow parameters; this file
// only decides the order and what flows from one stage to the next:
//   prepare (spec, interpreter, project wheel) → resolve → install (stage) → map → write.
#include "pipeline/run.hpp"

#include "depmap/map.hpp"
#include "package/contents.hpp"
#include "package/deb/payload_reuse.hpp"
#include "package/deb/writer.hpp"
#include "package/rpm/payload_reuse.hpp"
#include "package/rpm/writer.hpp"
#include "package/signer.hpp"
#include "packaging_tools/debian_defaults.hpp"
#include "packaging_tools/rpm_filelist.hpp"
#include "packaging_tools/substvars.hpp"
#include "pipeline/entry_facts.hpp"
#include "pipeline/lockfile_stage.hpp"
#include "pipeline/map_stage.hpp"
#include "pipeline/python_stage.hpp"
#include "pipeline/sbom_stage.hpp"
#include "pipeline/stage_files.hpp"
#include "pipeline/stage_services.hpp"
#include "pipeline/stage_venv.hpp"
#include "pipeline/target_plan.hpp"
#include "util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <latch>
#include <map>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

// The build's signing key: --sign over the spec's sign.key; none when neither names one. Opened
// before the build starts, so a missing or locked key costs no build time.
Expected<std::optional<package::Signer>> open_signer(const BuildRequest& request,
                                                     const spec::Spec& spec)
{
    if (!request.sign_key && !spec.sign)
    {
        return std::nullopt;
    }
    const std::string& key = request.sign_key ? *request.sign_key : spec.sign->key;
    auto signer = package::Signer::open(key);
    if (!signer)
    {
        const std::string where =
            request.sign_key ? "--sign " + key : spec.sign->where.to_string() + ": sign.key";
        return std::unexpected(context(where, signer.error()));
    }
    return std::move(*signer);
}

// One package's relations, checked against its target (the installability check), and its
// service files; nothing is written yet, so a target that fails stops the build before any file.
Expected<package::PackageInfo> plan_package(const Prepared& prepared,
                                            const resolve::Resolution& resolution,
                                            const StagedObjects& staged, package::PackageInfo info,
                                            const TargetBuild& build)
{
    util::Progress& progress = *prepared.progress;
    const bool deb = build.format == spec::Format::deb;
    const depmap::Target target = build.format;
    const std::string on = build.name.empty() ? "" : " " + build.name;
    progress.start((deb ? "map (deb" : "map (rpm") + on + ")");
    const depmap::Mapping mapping = PYDEB_TRY(map_stage(prepared, staged, target, build));
    progress.set(util::Count::sonames, mapping.sonames.size());
    info.release += build.release_suffix;
    info.compression = build.compression;
    PYDEB_TRY(apply_mapping(prepared, resolution, mapping, target, build, info));
    // Units, sysusers.d and tmpfiles.d files: text files (nothing to map), at each format's paths.
    PYDEB_TRY(add_service_entries(prepared.spec, staged.root,
                                  prepared.scratch.path() / (deb ? "services-deb" : "services-rpm"),
                                  deb ? UnitDirectory::deb : UnitDirectory::rpm, info.entries));
    return info;
}

// One package file, its SBOM inside (the stage holds one package's SBOM at a time) and beside it.
Expected<fs::path> write_package(const Prepared& prepared, const PythonStage& stage,
                                 package::PackageInfo info, spec::Format format,
                                 const fs::path& output_dir, const package::WriteOptions& options,
                                 const util::CacheStore& cache)
{
    const bool deb = format == spec::Format::deb;
    options.progress->start(deb ? "write .deb" : "write .rpm");
    const std::string sbom =
        PYDEB_TRY(render_sbom(prepared, stage.python, stage.resolution, info, format));
    PYDEB_TRY(ship_sbom(stage.staged.root, info, sbom, &info.entries));
    const fs::path output = output_dir / (deb ? package::deb::conventional_filename(info)
                                              : package::rpm::conventional_filename(info));
    auto written = deb ? package::deb::write_package_reusing(info, output, options, cache)
                       : package::rpm::write_package_reusing(info, output, options, cache);
    if (written)
    {
        written = util::write_file_atomic(sbom_beside(output), sbom);
    }
    if (!written && written.error().message.find(std::strerror(ENOSPC)) != std::string::npos)
    {
        // The writers name their hidden temporary file; the packager needs the output and a remedy.
        return fail(output.string() + ": no space left on the output's file system (free " +
                    "space, or choose another directory with -o); no partial file is left there\n" +
                    written.error().message);
    }
    PYDEB_TRY(written);
    options.progress->finish();
    return output;
}

// The build's last package, written while the stages go: once its writer has read the staged
// files (WriteOptions::inputs_read) the scratch directory is emptied on a second thread, beside
// the package's assembly. Removing a large app's 21k staged links takes as long as assembling its
// package around a reused payload does, and nothing reads the stages after the last writer.
Expected<fs::path> write_last_package(const Prepared& prepared, const PythonStage& stage,
                                      package::PackageInfo info, spec::Format format,
                                      const fs::path& output_dir,
                                      const package::WriteOptions& write_options,
                                      const util::CacheStore& cache)
{
    std::latch read(1);
    std::atomic<bool> told{false};
    const auto tell = [&]
    {
        if (!told.exchange(true))
        {
            read.count_down();
        }
    };
    package::WriteOptions options = write_options;
    options.inputs_read = tell;
    Expected<fs::path> written = fs::path();
    // Tasks are taken in order, so on one thread the writer runs first and nothing waits.
    util::for_each_parallel(2, 2,
                            [&](std::size_t task)
                            {
                                if (task == 0)
                                {
                                    // Told on every way out, an exception included, so the
                                    // remover never waits for a writer that is gone.
                                    try
                                    {
                                        written = write_package(prepared, stage, std::move(info),
                                                                format, output_dir, options, cache);
                                    }
                                    catch (...)
                                    {
                                        tell();
                                        throw;
                                    }
                                    tell(); // also when it failed before reading everything
                                    return;
                                }
                                read.wait();
                                prepared.scratch.remove_contents();
                            });
    return written;
}

// `pydeb deps` with targets: each target mapped from its own release's data (and its own venv
// when it has its own Python), the mappings side by side, then per target its version, its
// release's verdict on its fields ("target bookworm 1.0-1~deb12: installable", problems
// indented) and the fields themselves.
Expected<void> describe_targets(const Prepared& prepared, const std::vector<PythonStage>& stages,
                                const std::vector<TargetBuild>& builds, spec::Format format,
                                const package::PackageInfo& info)
{
    const depmap::Target target = format;
    std::vector<std::string> names;
    std::vector<depmap::Mapping> mappings;
    std::vector<std::string> verdicts;
    for (std::size_t i = 0; i < builds.size(); ++i)
    {
        const TargetBuild& build = builds[i];
        if (build.format != format || build.name.empty())
        {
            continue;
        }
        const PythonStage& stage =
            *std::ranges::find_if(stages, [&](const PythonStage& s)
                                  { return std::ranges::find(s.builds, i) != s.builds.end(); });
        package::PackageInfo ours = info;
        ours.release += build.release_suffix;
        depmap::Mapping mapping = PYDEB_TRY(map_stage(prepared, stage.staged, target, build));
        set_relations(stage.resolution, mapping, target, ours);
        depmap::InstallCheck check = installability_check(prepared, ours, target, build);
        check.policy = depmap::ProblemPolicy::warn;
        const std::vector<std::string> problems = PYDEB_TRY(depmap::check_installable(check));
        std::string verdict = "target " + build.name + " " + ours.version + "-" + ours.release +
                              ": " + (problems.empty() ? "installable" : "would not install");
        for (const std::string& problem : problems)
        {
            verdict += "\n  " + problem;
        }
        const auto& fields =
            target == depmap::Target::deb ? ours.relations.depends : ours.relations.rpm_requires;
        verdict += (target == depmap::Target::deb ? "\n  Depends: " : "\n  Requires: ") +
                   util::join(fields, ", ");
        names.push_back(build.name);
        mappings.push_back(std::move(mapping));
        verdicts.push_back(std::move(verdict));
    }
    if (names.empty())
    {
        return {};
    }
    std::cout << "\n";
    for (const std::string& line : depmap::side_by_side(names, mappings))
    {
        std::cout << line << "\n";
    }
    for (const std::string& verdict : verdicts)
    {
        std::cout << verdict << "\n";
    }
    return {};
}

// "built NAME VERSION-RELEASE: FILE (SIZE), ... in S s (signed with FINGERPRINT)"
std::string build_summary(const spec::Spec& spec, const std::vector<fs::path>& written,
                          std::chrono::steady_clock::duration elapsed,
                          const package::Signer* signer)
{
    std::vector<std::string> files;
    for (const fs::path& path : written)
    {
        std::error_code ec;
        const auto kib = (fs::file_size(path, ec) + 1023) / 1024;
        files.push_back(path.filename().string() + " (" + std::to_string(kib) + " KiB)");
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", std::chrono::duration<double>(elapsed).count());
    return "built " + spec.name + " " + spec.version + "-" + spec.release + ": " +
           util::join(files, ", ") + " in " + seconds + " s" +
           (signer != nullptr ? " (signed with " + signer->fingerprint() + ")" : "");
}

} // namespace

Expected<spec::Defaults> spec_defaults(const SpecContext& context, spec::HeaderKeys header)
{
    spec::Defaults defaults;
    if (context.debian_source)
    {
        defaults = PYDEB_TRY(
            packaging_tools::read_debian_defaults(*context.debian_source, context.package));
    }
    const std::map<std::string, std::optional<std::string> spec::Defaults::*, std::less<>> keys{
        {"name", &spec::Defaults::name},
        {"version", &spec::Defaults::version},
        {"release", &spec::Defaults::release},
        {"summary", &spec::Defaults::summary},
        {"description", &spec::Defaults::description},
        {"maintainer", &spec::Defaults::maintainer},
        {"license", &spec::Defaults::license},
        {"homepage", &spec::Defaults::homepage}};
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
    const spec::Defaults defaults = PYDEB_TRY(spec_defaults(context, spec::HeaderKeys::required));
    const spec::Spec spec = PYDEB_TRY(spec::load(spec_path, defaults));
    std::cout << spec_path.string() << ": ok (" << spec.name << " " << spec.version << "-"
              << spec.release << ", license "
              << (spec.license.empty() ? "not stated" : spec.license) << ", "
              << spec.requirements.size() << " requirements, venv at " << spec.prefix << ")\n";
    return {};
}

Expected<void> resolve(const fs::path& spec_path, const SpecContext& context,
                       util::Progress& progress)
{
    const spec::Defaults defaults = PYDEB_TRY(spec_defaults(context, spec::HeaderKeys::required));
    const Prepared prepared =
        PYDEB_TRY(prepare(spec_path, defaults, context.cache, progress, context.network));
    const resolve::Resolution resolution = PYDEB_TRY(resolve_or_lock(prepared));
    for (const auto& wheel : resolution.wheels)
    {
        std::cout << wheel.name << "==" << wheel.version.to_string() << "\n";
    }
    return {};
}

Expected<void> lock(const fs::path& spec_path, const std::optional<fs::path>& lockfile,
                    const std::optional<std::vector<std::string>>& upgrade,
                    const SpecContext& context, util::Progress& progress)
{
    const spec::Defaults defaults = PYDEB_TRY(spec_defaults(context, spec::HeaderKeys::required));
    const Prepared prepared =
        PYDEB_TRY(prepare(spec_path, defaults, context.cache, progress, context.network));
    const fs::path path = lockfile.value_or(prepared.spec.lockfile);
    PYDEB_TRY(write_lock(prepared, path, upgrade));
    std::cout << path.string() << "\n";
    if (prepared.spec.targets.empty() || prepared.bundle)
    {
        return {};
    }
    // Each target release with a Python of its own gets its lock beside this one (pydeb(1)
    // TARGETS): its markers and tags may call for other wheels.
    const package::PackageInfo info = PYDEB_TRY(package_info(prepared.spec, prepared.facts));
    const std::vector<TargetBuild> builds =
        PYDEB_TRY(plan_targets(prepared, prepared.spec.formats, info.deb_architecture));
    for (const PythonStage& stage : python_stages(prepared, builds))
    {
        if (stage.python.source != python::FactsSource::release_packages)
        {
            continue;
        }
        const fs::path own = lockfile_for(prepared, path, stage.python);
        auto written = write_lock(prepared, stage.python, own, upgrade);
        if (!written)
        {
            const TargetBuild& first = builds[stage.builds.front()];
            return std::unexpected(pydeb::context(first.where + ": target " + first.name +
                                                      ": Python " +
                                                      stage.python.markers.python_full_version,
                                                  std::move(written.error())));
        }
        std::cout << own.string() << "\n";
    }
    return {};
}

Expected<void> install(const InstallRequest& request, util::Progress& progress)
{
    progress.start("prepare");
    // No package is written here: dh_gencontrol or rpmbuild writes the header.
    const spec::Defaults defaults =
        PYDEB_TRY(spec_defaults(request.context, spec::HeaderKeys::optional));
    Prepared prepared = PYDEB_TRY(
        prepare(request.spec, defaults, request.context.cache, progress, request.context.network));
    prepared.spec.strip = request.strip.value_or(prepared.spec.strip);
    prepared.spec.check_installable =
        request.check_installable.value_or(prepared.spec.check_installable);
    progress.start("resolve");
    const resolve::Resolution resolution = PYDEB_TRY(resolve_or_lock(prepared));
    progress.set(util::Count::wheels, resolution.wheels.size());
    progress.start("install");
    PYDEB_TRY(stage_venv(prepared, resolution, request.root));
    PYDEB_TRY(stage_extra_files(prepared.spec, request.root));
    // Under dh_pydeb the units go where dh_installsystemd looks for them and the debhelper
    // tools write the snippets; under %pydeb_install, to %_unitdir for the .spec's macros.
    if (request.substvars)
    {
        PYDEB_TRY(check_dh_services(prepared.spec));
    }
    PYDEB_TRY(stage_services(prepared.spec, request.root, request.root,
                             request.rpm_filelist ? UnitDirectory::rpm : UnitDirectory::deb));
    progress.finish();

    // The SBOM goes into the root before the %files list is made; its system packages are
    // those of the format the packaging tool builds (rpmbuild when it asks for rpm lists).
    const depmap::Target target =
        request.rpm_filelist || request.rpm_requires ? depmap::Target::rpm : depmap::Target::deb;
    package::PackageInfo info = PYDEB_TRY(package_info(prepared.spec, prepared.facts));
    info.source_date_epoch = info.source_date_epoch.value_or(inputs_epoch(prepared, resolution));
    const auto mapping =
        PYDEB_TRY(map_stage(prepared, PYDEB_TRY(scan_stage(request.root)), target));
    if (request.substvars) // as before the SBOM: only a Depends debhelper uses is checked
    {
        PYDEB_TRY(apply_mapping(prepared, resolution, mapping, target, TargetBuild{}, info));
    }
    else
    {
        set_relations(resolution, mapping, target, info);
    }
    PYDEB_TRY(ship_sbom(request.root, info,
                        PYDEB_TRY(render_sbom(prepared, prepared.facts, resolution, info, target)),
                        nullptr));
    if (request.substvars)
    {
        // debhelper: the mapped Depends go to ${pydeb:Depends}; dh_gencontrol writes the field.
        PYDEB_TRY(packaging_tools::update_substvars_file(
            *request.substvars,
            {info.relations.depends, prepared.spec.prefix, info.venv.interpreter,
             bytecode_name(prepared.spec), info.venv.purge_paths}));
    }
    if (request.rpm_filelist)
    {
        const auto entries =
            PYDEB_TRY(package::collect_entries(request.root, config_paths(prepared.spec)));
        const std::string list = PYDEB_TRY(packaging_tools::render_rpm_filelist(entries));
        PYDEB_TRY(util::write_file_atomic(*request.rpm_filelist, list));
    }
    if (request.rpm_requires)
    {
        PYDEB_TRY(util::write_file_atomic(
            *request.rpm_requires, packaging_tools::render_rpm_requires(mapping.rpm_requires)));
    }
    prepared.cache.cleanup_if_due(); // bounded, at most once a day
    return {};
}

Expected<void> deps(const fs::path& spec_path, const SpecContext& context, util::Progress& progress)
{
    progress.start("prepare");
    const spec::Defaults defaults = PYDEB_TRY(spec_defaults(context, spec::HeaderKeys::required));
    const Prepared prepared =
        PYDEB_TRY(prepare(spec_path, defaults, context.cache, progress, context.network));
    package::PackageInfo info = PYDEB_TRY(package_info(prepared.spec, prepared.facts));
    const std::vector<TargetBuild> builds =
        PYDEB_TRY(plan_targets(prepared, prepared.spec.formats, info.deb_architecture));
    // Each venv is staged only to scan its ELF objects; the prepared interpreter's is described
    // (else the first), each target's verdict comes from its own.
    std::vector<PythonStage> stages = python_stages(prepared, builds);
    for (PythonStage& stage : stages)
    {
        PYDEB_TRY(stage_python(prepared, builds, stage, stage_root(prepared, stages, stage), 0,
                               Collect::no));
    }
    const auto host =
        std::ranges::find_if(stages, [](const PythonStage& stage)
                             { return stage.python.source == python::FactsSource::queried; });
    const StagedObjects& staged = (host == stages.end() ? stages.front() : *host).staged;
    for (const spec::Format format : prepared.spec.formats)
    {
        progress.start(format == spec::Format::deb ? "map (deb)" : "map (rpm)");
        const auto mapping = PYDEB_TRY(map_stage(prepared, staged, format));
        progress.set(util::Count::sonames, mapping.sonames.size());
        progress.finish();
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
        PYDEB_TRY(describe_targets(prepared, stages, builds, format, info));
    }
    return {};
}

Expected<void> build(const BuildRequest& request, util::Progress& progress)
{
    const auto began = std::chrono::steady_clock::now();
    const std::int64_t started = std::time(nullptr);
    progress.start("prepare");
    const Prepared prepared =
        PYDEB_TRY(prepare(request.spec, {}, request.cache, progress, request.network));
    const spec::Spec& spec = prepared.spec;
    std::optional<package::Signer> signer = PYDEB_TRY(open_signer(request, spec));
    const package::PackageInfo info = PYDEB_TRY(package_info(spec, prepared.facts));
    // The targets' metadata first: an archive that is unreachable or whose signature fails
    // costs no install.
    const auto& formats = request.formats.empty() ? spec.formats : request.formats;
    const std::vector<TargetBuild> builds =
        PYDEB_TRY(plan_targets(prepared, formats, info.deb_architecture));
    std::vector<PythonStage> stages = python_stages(prepared, builds);
    for (PythonStage& stage : stages)
    {
        PYDEB_TRY(stage_python(prepared, builds, stage, stage_root(prepared, stages, stage),
                               started, Collect::yes));
    }

    // Every package is mapped and checked before the first is written: a target that would not
    // install leaves no package of any target behind.
    std::vector<package::PackageInfo> packages(builds.size());
    std::vector<const PythonStage*> stage_of(builds.size());
    for (PythonStage& stage : stages)
    {
        for (const std::size_t i : stage.builds)
        {
            // Each package gets its own PackageInfo (relations differ); the stage's last takes
            // the stage's one, so the entries are not copied for a single package.
            const bool last = i == stage.builds.back();
            stage_of[i] = &stage;
            packages[i] = PYDEB_TRY(plan_package(
                prepared, stage.resolution, stage.staged,
                last ? std::move(stage.info) : package::PackageInfo(stage.info), builds[i]));
        }
    }
    std::vector<fs::path> written;
    for (std::size_t i = 0; i < builds.size(); ++i)
    {
        package::WriteOptions options{&progress, signer ? &*signer : nullptr, {}};
        const auto write = i + 1 == builds.size() ? write_last_package : write_package;
        written.push_back(PYDEB_TRY(write(prepared, *stage_of[i], std::move(packages[i]),
                                          builds[i].format, request.output_dir, options,
                                          prepared.cache)));
        std::cout << written.back().string() << std::endl;
    }
    progress.summary(build_summary(spec, written, std::chrono::steady_clock::now() - began,
                                   signer ? &*signer : nullptr));
    prepared.cache.cleanup_if_due(); // bounded, at most once a day
    return {};
}

} // namespace pydeb::pipeline
