#include "pipeline/prepare.hpp"

#include "spec/names.hpp"

#include "install/bundle.hpp"
#include "install/interpreter.hpp"
#include "sdist/project_wheel.hpp"
#include "python/name.hpp"
#include "python/wheel_filename.hpp"
#include "resolve/metadata.hpp"
#include "resolve/requirements_file.hpp"
#include "util/hash.hpp"


namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

Expected<std::vector<python::Requirement>> requirements_of(const spec::Spec& spec)
{
    std::vector<python::Requirement> out;
    for (const auto& requirement : spec.requirements)
    {
        auto parsed = python::Requirement::parse(requirement.text);
        if (!parsed)
        {
            return fail(requirement.where.to_string() + ": " + parsed.error().message);
        }
        out.push_back(std::move(*parsed));
    }
    if (spec.requirements_file)
    {
        auto from_file = PYDEB_TRY(resolve::read_requirements_file(*spec.requirements_file));
        out.insert(out.end(), from_file.begin(), from_file.end());
    }
    return out;
}

// Builds the project's wheel (PEP 517, offline) and describes it like a resolved wheel.
Expected<resolve::ResolvedWheel> build_project(const spec::Spec& spec,
                                               const python::InterpreterFacts& facts,
                                               const fs::path& out_dir,
                                               std::vector<python::Requirement>& requirements)
{
    const fs::path wheel = PYDEB_TRY(sdist::build_project_wheel(*spec.project, facts, out_dir));
    const auto filename = python::WheelFilename::parse(wheel.filename().string());
    if (!filename)
    {
        return fail("the build backend built " + wheel.string() + ", whose name is not a valid wheel name: " +
                    filename.error().message);
    }
    // The project's wheel is new on every build: its METADATA is not worth a cache entry.
    const resolve::WheelMetadata metadata =
        PYDEB_TRY(resolve::read_wheel_metadata(util::CacheStore::off(), wheel));
    requirements.insert(requirements.end(), metadata.requires_dist.begin(),
                        metadata.requires_dist.end());
    const auto sha256 = PYDEB_TRY(util::digest_file(util::HashAlgorithm::sha256, wheel));
    return resolve::ResolvedWheel{python::normalize_name(filename->name), metadata.name,
                                  filename->version, wheel, wheel.filename().string(),
                                  util::to_hex(sha256), {}};
}

// The bundled interpreter, made once per run in the scratch directory.
Expected<install::BundledInterpreter> make_bundle(const spec::Spec& spec, const fs::path& root,
                                                  util::Progress& progress)
{
    install::BundleRequest request;
    request.source = spec.bundle->source;
    request.host_interpreter = spec.interpreter;
    request.stage_root = root;
    request.prefix = bundle_prefix(spec);
    request.keep = spec.bundle->keep;
    request.bytecode = spec.bytecode;
    request.strip = spec.strip;
    auto bundle = install::bundle_interpreter(request);
    if (!bundle)
    {
        return fail(spec.bundle->where.to_string() + ": " + bundle.error().message);
    }
    const auto mib = [](std::uint64_t bytes)
    { return std::to_string((bytes * 10 / (1024 * 1024)) / 10) + "." +
             std::to_string((bytes * 10 / (1024 * 1024)) % 10) + " MiB"; };
    progress.detail("bundled CPython " + bundle->facts.python_version() + " at " +
                    request.prefix.string() + ": " + std::to_string(bundle->files) + " files, " +
                    mib(bundle->bytes) + " (" + mib(bundle->bytes_left_out) +
                    " left out: not needed at run time)");
    for (const auto& warning : bundle->warnings)
    {
        progress.warning(warning);
    }
    return bundle;
}

} // namespace

fs::path bundle_prefix(const spec::Spec& spec)
{
    return fs::path(spec.prefix) / "python";
}

Expected<Prepared> prepare(const fs::path& spec_path, const spec::Defaults& defaults,
                           const util::CacheStore& store, util::Progress& progress,
                           sources::Network network)
{
    spec::Spec spec = PYDEB_TRY(spec::load(spec_path, defaults));
    // The cache only saves time: on a read-only or full file system the command goes without it.
    util::CacheStore cache = store;
    if (const auto problem = store.write_problem())
    {
        progress.warning("cannot write pydeb's cache (" + *problem +
                         "): building without it; --no-cache silences this");
        cache = util::CacheStore::off();
    }
    auto spares = std::make_unique<util::SpareDirectories>(
        cache.directory(util::CacheKind::spare_directories));
    util::TempDir scratch =
        PYDEB_TRY(util::TempDir::create("pydeb-" + spec.name, {}, spares.get()));
    std::vector<python::Requirement> requirements = PYDEB_TRY(requirements_of(spec));
    std::optional<Prepared::Bundle> bundle;
    python::InterpreterFacts facts;
    if (spec.bundle)
    {
        const fs::path root = scratch.path() / "bundle";
        auto made = PYDEB_TRY(make_bundle(spec, root, progress));
        facts = std::move(made.facts);
        bundle = Prepared::Bundle{root, made.newest_mtime};
    }
    else
    {
        facts = PYDEB_TRY(install::query_interpreter(spec.interpreter, cache));
    }
    Prepared prepared{std::move(spec),   std::move(facts),        cache,
                      std::move(spares), std::move(scratch),      std::move(requirements),
                      std::nullopt,      std::move(bundle),       &progress,
                      network};
    if (prepared.spec.project)
    {
        // The project's wheel is built with the build host's backend; a bundled interpreter
        // carries none (no setuptools), so the build host's interpreter builds it (the same
        // Python for `bundle: host`).
        const python::InterpreterFacts builder =
            prepared.bundle ? PYDEB_TRY(install::query_interpreter(prepared.spec.interpreter, cache))
                            : prepared.facts;
        prepared.project_wheel =
            PYDEB_TRY(build_project(prepared.spec, builder, prepared.scratch.path() / "project",
                                    prepared.requirements));
        if (prepared.spec.version_from_project == spec::VersionFrom::project_wheel &&
            prepared.spec.version.empty())
        {
            // PEP 621 dynamic version: what the build backend wrote into METADATA.
            prepared.spec.version = prepared.project_wheel->version.to_string();
            if (auto problem = spec::check_version(prepared.spec.version))
            {
                return fail(prepared.spec.file.string() + ": the project's dynamic version " +
                            prepared.spec.version + " (from its built wheel) is not a package "
                            "version: " + *problem + "; set 'version' in the spec");
            }
        }
    }
    return prepared;
}

} // namespace pydeb::pipeline
