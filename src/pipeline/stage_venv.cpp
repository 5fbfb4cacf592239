#include "pipeline/stage_venv.hpp"

#include "install/environment.hpp"

#include <iostream>

namespace pydeb::pipeline
{

Expected<void> stage_venv(const Prepared& prepared, const resolve::Resolution& resolution,
                          const std::filesystem::path& root)
{
    const spec::Spec& spec = prepared.spec;
    install::InstallRequest request;
    request.stage_root = root;
    request.prefix = spec.prefix;
    request.interpreter = prepared.facts;
    for (const auto& wheel : resolution.wheels)
    {
        request.wheels.push_back(wheel.path);
    }
    switch (spec.bytecode)
    {
    case spec::Bytecode::build: request.bytecode = install::Bytecode::build; break;
    case spec::Bytecode::install: request.bytecode = install::Bytecode::install; break;
    case spec::Bytecode::none: request.bytecode = install::Bytecode::none; break;
    }
    request.strip = spec.strip == spec::Strip::yes ? install::Strip::yes : install::Strip::no;
    request.entry_points = spec.entry_points;
    const install::InstallReport report = PYDEB_TRY(install::install_environment(request));
    for (const auto& warning : report.warnings)
    {
        std::cerr << "pydeb: warning: " << warning << "\n";
    }
    return {};
}

std::string bytecode_name(const spec::Spec& spec)
{
    switch (spec.bytecode)
    {
    case spec::Bytecode::build: return "build";
    case spec::Bytecode::install: return "install";
    case spec::Bytecode::none: return "none";
    }
    return "build";
}

} // namespace pydeb::pipeline
