#include "pipeline/prepare.hpp"

#include "install/interpreter.hpp"
#include "install/project_wheel.hpp"
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

// Builds the project's wheel (pip wheel, offline) and describes it like a resolved wheel.
Expected<resolve::ResolvedWheel> build_project(const spec::Spec& spec,
                                               const python::InterpreterFacts& facts,
                                               const fs::path& out_dir,
                                               std::vector<python::Requirement>& requirements)
{
    const fs::path wheel = PYDEB_TRY(install::build_project_wheel(*spec.project, facts, out_dir));
    const auto filename = python::WheelFilename::parse(wheel.filename().string());
    if (!filename)
    {
        return fail("pip built " + wheel.string() + ", whose name is not a valid wheel name: " +
                    filename.error().message);
    }
    const resolve::WheelMetadata metadata = PYDEB_TRY(resolve::read_wheel_metadata(wheel));
    requirements.insert(requirements.end(), metadata.requires_dist.begin(),
                        metadata.requires_dist.end());
    const auto sha256 = PYDEB_TRY(util::digest_file(util::HashAlgorithm::sha256, wheel));
    return resolve::ResolvedWheel{python::normalize_name(filename->name), metadata.name,
                                  filename->version, wheel, wheel.filename().string(),
                                  util::to_hex(sha256)};
}

} // namespace

Expected<Prepared> prepare(const fs::path& spec_path, const spec::Defaults& defaults)
{
    spec::Spec spec = PYDEB_TRY(spec::load(spec_path, defaults));
    python::InterpreterFacts facts = PYDEB_TRY(install::query_interpreter(spec.interpreter));
    util::TempDir scratch = PYDEB_TRY(util::TempDir::create("pydeb-" + spec.name));
    std::vector<python::Requirement> requirements = PYDEB_TRY(requirements_of(spec));
    Prepared prepared{std::move(spec), std::move(facts), std::move(scratch),
                      std::move(requirements), std::nullopt};
    if (prepared.spec.project)
    {
        prepared.project_wheel =
            PYDEB_TRY(build_project(prepared.spec, prepared.facts,
                                    prepared.scratch.path() / "project", prepared.requirements));
    }
    return prepared;
}

} // namespace pydeb::pipeline
