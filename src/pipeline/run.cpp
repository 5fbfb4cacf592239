// The stage sequence on one page. Each stage is a free function with narrow parameters; this file
// only decides the order and what flows from one stage to the next.
#include "pipeline/run.hpp"

#include "spec/load.hpp"

#include <iostream>

namespace pydeb::pipeline
{

namespace
{

// Commands whose stages have not landed yet say so and fail, rather than pretend.
Error not_built_yet(std::string_view command, std::string_view stage)
{
    return Error{"'pydeb " + std::string(command) + "' is not built yet: it needs the " +
                 std::string(stage) + " stage, which has not landed"};
}

} // namespace

Expected<void> validate(const std::filesystem::path& spec_path)
{
    const spec::Spec spec = PYDEB_TRY(spec::load(spec_path));
    std::cout << spec_path.string() << ": ok (" << spec.name << " " << spec.version << "-"
              << spec.release << ", " << spec.requirements.size() << " requirements, venv at "
              << spec.prefix << ")\n";
    return {};
}

Expected<void> resolve(const std::filesystem::path& spec_path)
{
    PYDEB_TRY(spec::load(spec_path));
    return std::unexpected(not_built_yet("resolve", "resolve"));
}

Expected<void> lock(const std::filesystem::path& spec_path,
                    const std::optional<std::filesystem::path>&)
{
    PYDEB_TRY(spec::load(spec_path));
    return std::unexpected(not_built_yet("lock", "resolve"));
}

Expected<void> install(const InstallRequest& request)
{
    PYDEB_TRY(spec::load(request.spec));
    return std::unexpected(not_built_yet("install", "install"));
}

Expected<void> deps(const std::filesystem::path& spec_path)
{
    PYDEB_TRY(spec::load(spec_path));
    return std::unexpected(not_built_yet("deps", "dependency mapper"));
}

Expected<void> build(const BuildRequest& request)
{
    PYDEB_TRY(spec::load(request.spec));
    return std::unexpected(not_built_yet("build", "install"));
}

} // namespace pydeb::pipeline
