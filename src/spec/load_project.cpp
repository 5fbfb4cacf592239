// install.project's pyproject.toml as defaults (PEP 621): each key the spec leaves out and the
// caller does not supply comes from the [project] table; `version` may be dynamic (PEP 621
// "dynamic"), and is then read from the built wheel's METADATA (pipeline/prepare.cpp).
#include "spec/loader.hpp"
#include "spec/pyproject.hpp"

namespace fs = std::filesystem;

namespace pydeb::spec::detail
{

Expected<Defaults> project_defaults(const Spec& spec, const YAML::Node& root, Defaults defaults,
                                    std::optional<ProjectTable>& table)
{
    const YAML::Node install = root["install"];
    if (!install.IsDefined() || !install.IsMap())
    {
        return defaults;
    }
    // An absent key is an invalid node in yaml-cpp: only IsDefined() may be asked of it.
    const YAML::Node project = install["project"];
    if (!project.IsDefined() || !project.IsScalar())
    {
        return defaults;
    }
    const fs::path pyproject = spec.dir / project.Scalar() / "pyproject.toml";
    if (!fs::is_regular_file(pyproject))
    {
        return defaults;
    }
    table = PYDEB_TRY(read_project_table(pyproject));
    if (!table)
    {
        return defaults;
    }
    const auto fill = [](std::optional<std::string>& out, const std::optional<std::string>& value)
    {
        if (!out)
        {
            out = value;
        }
    };
    fill(defaults.name, table->name);
    fill(defaults.version, table->version);
    fill(defaults.summary, table->summary);
    fill(defaults.description, table->description);
    fill(defaults.license, table->license);
    fill(defaults.maintainer, table->maintainer);
    fill(defaults.homepage, table->homepage);
    return defaults;
}

} // namespace pydeb::spec::detail
