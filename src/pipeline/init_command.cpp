#include "pipeline/init_command.hpp"

#include "spec/pyproject.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <iostream>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

// A YAML double-quoted scalar (YAML 1.2 §7.3.1): backslash and quote escaped, one line.
std::string yaml_quoted(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text)
    {
        if (c == '"' || c == '\\')
        {
            out += '\\';
        }
        out += c == '\n' ? ' ' : c;
    }
    return out + "\"";
}

void key(std::string& text, std::string_view name, const std::optional<std::string>& value,
         std::string_view source)
{
    if (value)
    {
        text += "# " + std::string(name) + ": " + yaml_quoted(*value) + "   # " +
                std::string(source) + "\n";
    }
    else
    {
        text += std::string(name) + ": \"\"   # required: pyproject.toml does not give it\n";
    }
}

} // namespace

Expected<void> init(const fs::path& dir)
{
    const fs::path pyproject = dir / "pyproject.toml";
    if (!fs::is_regular_file(pyproject))
    {
        return fail(pyproject.string() + ": not found; `pydeb init` starts from a PEP 621 project");
    }
    const fs::path output = dir / "pydeb.yaml";
    if (fs::exists(output))
    {
        return fail(output.string() + " exists already; remove it to start afresh");
    }
    const auto table = PYDEB_TRY(spec::read_project_table(pyproject));
    if (!table)
    {
        return fail(pyproject.string() + ": no [project] table (PEP 621); write pydeb.yaml by hand "
                                         "(pydeb.yaml(5))");
    }
    std::string text =
        "# pydeb.yaml: see pydeb.yaml(5). The commented keys are what pyproject.toml\n"
        "# gives (PEP 621); uncomment one to override it.\n";
    key(text, "name", table->name, "project.name");
    if (table->dynamic.contains("version"))
    {
        text += "# version: taken from the built wheel (project.dynamic)\n";
    }
    else
    {
        key(text, "version", table->version, "project.version");
    }
    key(text, "summary", table->summary, "project.description");
    if (table->description)
    {
        text += "# description: the text of project.readme\n";
    }
    else
    {
        key(text, "description", std::nullopt, "");
    }
    key(text, "maintainer", table->maintainer, "first of project.maintainers or authors");
    key(text, "license", table->license, "project.license");
    if (table->homepage)
    {
        key(text, "homepage", table->homepage, "project.urls.Homepage");
    }
    if (!table->scripts.empty())
    {
        text += "# entry-points: [" + util::join(table->scripts, ", ") + "]   # project.scripts\n";
    }
    text += "install:\n  project: .\n";
    PYDEB_TRY(util::write_file_atomic(output, text));
    std::cout << output.string() << "\n";
    return {};
}

} // namespace pydeb::pipeline
