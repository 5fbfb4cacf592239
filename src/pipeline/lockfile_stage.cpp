#include "pipeline/lockfile_stage.hpp"

#include "python/name.hpp"
#include "resolve/lock.hpp"
#include "sdist/builder.hpp"
#include "sources/index_source.hpp"

#include <algorithm>
#include <cstdlib>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

// The secret itself is never part of a message: only the variable's name.
Expected<std::string> variable(const spec::PackageIndex& index, const std::string& name,
                               std::string_view key)
{
    const char* value = std::getenv(name.c_str());
    if (value == nullptr)
    {
        return fail(index.where.to_string() + ": " + std::string(key) + " names the environment variable " +
                    name + ", which is not set; export it before running pydeb");
    }
    return std::string(value);
}

// The spec's indexes and find-links pages, or nothing when it names none.
Expected<std::unique_ptr<sources::IndexSource>> open_sources(const Prepared& prepared)
{
    const spec::Spec& spec = prepared.spec;
    if (spec.indexes.empty() && spec.find_links.empty())
    {
        return nullptr;
    }
    std::vector<sources::IndexConfig> indexes;
    for (const spec::PackageIndex& index : spec.indexes)
    {
        sources::IndexConfig config{index.url, std::nullopt};
        if (!index.username_env.empty() || !index.password_env.empty())
        {
            adapters::http::Credentials credentials;
            if (!index.username_env.empty())
            {
                credentials.user = PYDEB_TRY(variable(index, index.username_env, "username-env"));
            }
            if (!index.password_env.empty())
            {
                credentials.password =
                    PYDEB_TRY(variable(index, index.password_env, "password-env"));
            }
            config.credentials = std::move(credentials);
        }
        indexes.push_back(std::move(config));
    }
    return sources::IndexSource::create(indexes, spec.find_links, prepared.cache,
                                        prepared.network);
}

// What builds a requirement only an sdist provides, from the same sources; none under
// install.only-binary.
std::unique_ptr<sdist::Builder> sdist_builder(const Prepared& prepared,
                                              const python::InterpreterFacts& python,
                                              resolve::WheelSource* source)
{
    if (prepared.spec.only_binary == spec::OnlyBinary::yes)
    {
        return nullptr;
    }
    return std::make_unique<sdist::Builder>(sdist::BuilderOptions{
        python, prepared.cache, source, prepared.spec.wheelhouses,
        prepared.scratch.path(), prepared.spec.sdist_sandbox});
}

Expected<resolve::Resolution> resolve_fresh(const Prepared& prepared,
                                            const python::InterpreterFacts& python,
                                            std::map<std::string, python::Version> keep = {})
{
    const auto source = PYDEB_TRY(open_sources(prepared));
    const auto builder = sdist_builder(prepared, python, source.get());
    resolve::ResolveRequest request;
    request.requirements = prepared.requirements;
    request.wheelhouses = prepared.spec.wheelhouses;
    request.target = python;
    request.cache = prepared.cache;
    request.source = source.get();
    request.keep = std::move(keep);
    request.builder = builder.get();
    return resolve::resolve(request);
}

std::vector<std::string> texts(const std::vector<python::Requirement>& requirements)
{
    std::vector<std::string> out;
    for (const auto& requirement : requirements)
    {
        out.push_back(requirement.to_string());
    }
    return out;
}

} // namespace

fs::path lockfile_for(const Prepared& prepared, const fs::path& lockfile,
                      const python::InterpreterFacts& python)
{
    if (python.python_version() == prepared.facts.python_version())
    {
        return lockfile;
    }
    fs::path path = lockfile;
    path.replace_filename(lockfile.stem().string() + ".python" + python.python_version() +
                          lockfile.extension().string());
    return path;
}

Expected<resolve::Resolution> resolve_or_lock(const Prepared& prepared)
{
    return resolve_or_lock(prepared, prepared.facts);
}

Expected<resolve::Resolution> resolve_or_lock(const Prepared& prepared,
                                              const python::InterpreterFacts& python)
{
    const fs::path lockfile = lockfile_for(prepared, prepared.spec.lockfile, python);
    if (lockfile != prepared.spec.lockfile && !fs::exists(lockfile) &&
        fs::exists(prepared.spec.lockfile))
    {
        return fail(prepared.spec.lockfile.string() + " locks the wheels for Python " +
                    prepared.facts.python_version() + "; " + python.executable + " (Python " +
                    python.markers.python_full_version + ") has no lock of its own (" +
                    lockfile.string() + "): run 'pydeb lock " + prepared.spec.file.string() +
                    "' to write it");
    }
    resolve::Resolution resolution;
    if (fs::exists(lockfile))
    {
        const resolve::Lock lock = PYDEB_TRY(resolve::read_lock(lockfile));
        if (texts(lock.requirements) != texts(prepared.requirements))
        {
            return fail(lockfile.string() +
                        ": the lock was made for other requirements than the spec's now; run "
                        "'pydeb lock " + prepared.spec.file.string() + "' to update it");
        }
        const auto source = PYDEB_TRY(open_sources(prepared));
        const auto builder = sdist_builder(prepared, python, source.get());
        resolution = PYDEB_TRY(resolve::resolve_locked(lock, prepared.spec.wheelhouses, python,
                                                       prepared.cache, source.get(),
                                                       builder.get()));
    }
    else
    {
        resolution = PYDEB_TRY(resolve_fresh(prepared, python));
    }
    for (const auto& warning : resolution.warnings)
    {
        util::warn(prepared.progress, warning);
    }
    if (prepared.project_wheel)
    {
        resolution.wheels.push_back(*prepared.project_wheel);
        std::ranges::sort(resolution.wheels, {}, &resolve::ResolvedWheel::name);
    }
    return resolution;
}

Expected<void> write_lock(const Prepared& prepared, const fs::path& path, const Upgrade& upgrade)
{
    return write_lock(prepared, prepared.facts, path, upgrade);
}

Expected<void> write_lock(const Prepared& prepared, const python::InterpreterFacts& python,
                          const fs::path& path, const Upgrade& upgrade)
{
    std::map<std::string, python::Version> keep;
    if (fs::exists(path) && !(upgrade && upgrade->empty()))
    {
        for (const resolve::LockedWheel& wheel : PYDEB_TRY(resolve::read_lock(path)).wheels)
        {
            keep.emplace(wheel.name, wheel.version);
        }
        for (const std::string& name : upgrade.value_or(std::vector<std::string>{}))
        {
            keep.erase(python::normalize_name(name));
        }
    }
    const resolve::Resolution resolution =
        PYDEB_TRY(resolve_fresh(prepared, python, std::move(keep)));
    return resolve::write_lock(path, resolve::make_lock(prepared.requirements, resolution));
}

} // namespace pydeb::pipeline
