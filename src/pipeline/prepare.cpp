#include "pipeline/prepare.hpp"

#include "install/interpreter.hpp"
#include "install/project_wheel.hpp"
#include "python/wheel_filename.hpp"

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

// The project's wheel lives in scratch/project; it is what `project: .` asks for by name.
fs::path project_wheel_dir(const Prepared& prepared) { return prepared.scratch.path() / "project"; }

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
        return fail(spec.requirements_file->string() +
                    ": requirements-file is not supported yet; list the requirements under "
                    "install.requirements");
    }
    return out;
}

} // namespace

Expected<Prepared> prepare(const fs::path& spec_path, const spec::Defaults& defaults)
{
    spec::Spec spec = PYDEB_TRY(spec::load(spec_path, defaults));
    python::InterpreterFacts facts = PYDEB_TRY(install::query_interpreter(spec.interpreter));
    util::TempDir scratch = PYDEB_TRY(util::TempDir::create("pydeb-" + spec.name));
    std::vector<python::Requirement> requirements = PYDEB_TRY(requirements_of(spec));
    Prepared prepared{std::move(spec), std::move(facts), std::move(scratch), std::move(requirements)};

    if (prepared.spec.project)
    {
        const fs::path wheel = PYDEB_TRY(install::build_project_wheel(
            *prepared.spec.project, prepared.facts, project_wheel_dir(prepared)));
        const auto name = python::WheelFilename::parse(wheel.filename().string());
        if (!name)
        {
            return fail("pip built " + wheel.string() + ", whose name is not a valid wheel name: " +
                        name.error().message);
        }
        // Pin the project to the exact version just built, so an older copy of it in a
        // wheelhouse can never be picked instead.
        auto pinned = PYDEB_TRY(python::Requirement::parse(name->name + "==" + name->version.to_string()));
        prepared.requirements.insert(prepared.requirements.begin(), std::move(pinned));
    }
    return prepared;
}

std::vector<fs::path> wheelhouses(const Prepared& prepared)
{
    std::vector<fs::path> out;
    if (prepared.spec.project)
    {
        out.push_back(project_wheel_dir(prepared));
    }
    out.insert(out.end(), prepared.spec.wheelhouses.begin(), prepared.spec.wheelhouses.end());
    return out;
}

Expected<resolve::Resolution> resolve_wheels(const Prepared& prepared)
{
    resolve::ResolveRequest request;
    request.requirements = prepared.requirements;
    request.wheelhouses = wheelhouses(prepared);
    request.target = prepared.facts;
    return resolve::resolve(request);
}

} // namespace pydeb::pipeline
