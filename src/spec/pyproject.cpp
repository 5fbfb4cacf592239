#include "spec/pyproject.hpp"

#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <toml++/toml.h>

namespace fs = std::filesystem;

namespace pydeb::spec
{

namespace
{

std::string where(const fs::path& file, const toml::source_region& region)
{
    return file.string() + ":" + std::to_string(region.begin.line) + ":" +
           std::to_string(region.begin.column);
}

// PEP 621 "authors/maintainers": tables with name and/or email; a Debian maintainer needs both
// (Debian Policy §5.6.2), so the first entry that has both is taken.
std::optional<std::string> person(const toml::array* people)
{
    if (people == nullptr)
    {
        return std::nullopt;
    }
    for (const auto& entry : *people)
    {
        const auto* table = entry.as_table();
        if (table == nullptr)
        {
            continue;
        }
        const auto name = (*table)["name"].value<std::string>();
        const auto email = (*table)["email"].value<std::string>();
        if (name && email)
        {
            return *name + " <" + *email + ">";
        }
    }
    return std::nullopt;
}

// PEP 621 "readme": a file name (relative to pyproject.toml), or a table with file or text.
Expected<std::optional<std::string>> readme(const fs::path& pyproject,
                                            const toml::node_view<const toml::node> node)
{
    std::optional<std::string> file = node.value<std::string>();
    if (const auto* table = node.as_table())
    {
        if (auto text = (*table)["text"].value<std::string>())
        {
            return text;
        }
        file = (*table)["file"].value<std::string>();
    }
    if (!file)
    {
        return std::optional<std::string>{};
    }
    const fs::path path = pyproject.parent_path() / *file;
    auto text = util::read_file(path);
    if (!text)
    {
        return fail(where(pyproject, node.node()->source()) + ": project.readme names " +
                    path.string() + ", which cannot be read");
    }
    return std::optional<std::string>(util::trim(*text));
}

} // namespace

Expected<std::optional<ProjectTable>> read_project_table(const fs::path& pyproject)
{
    toml::table document;
    try
    {
        document = toml::parse_file(pyproject.string());
    }
    catch (const toml::parse_error& error)
    {
        return fail(where(pyproject, error.source()) +
                    ": invalid TOML: " + std::string(error.description()));
    }
    const toml::table* project = document["project"].as_table();
    if (project == nullptr)
    {
        return std::optional<ProjectTable>{};
    }
    const toml::node_view<const toml::node> p{project};
    ProjectTable table;
    if (auto name = p["name"].value<std::string>())
    {
        table.name =
            util::replace_all(util::replace_all(util::to_lower(*name), "_", "-"), ".", "-");
    }
    table.version = p["version"].value<std::string>();
    table.summary = p["description"].value<std::string>();
    table.description = PYDEB_TRY(readme(pyproject, p["readme"]));
    // PEP 639: license is an SPDX expression string; PEP 621's older form is {text = "..."}.
    table.license = p["license"].value<std::string>();
    if (!table.license)
    {
        table.license = p["license"]["text"].value<std::string>();
    }
    table.maintainer = person(p["maintainers"].as_array());
    if (!table.maintainer)
    {
        table.maintainer = person(p["authors"].as_array());
    }
    if (const auto* urls = p["urls"].as_table())
    {
        for (const auto& [key, value] : *urls)
        {
            if (util::to_lower(key.str()) == "homepage")
            {
                table.homepage = value.value<std::string>();
            }
        }
    }
    if (const auto* scripts = p["scripts"].as_table())
    {
        for (const auto& [key, value] : *scripts)
        {
            table.scripts.emplace_back(key.str());
        }
        std::ranges::sort(table.scripts);
    }
    if (const auto* dynamic = p["dynamic"].as_array())
    {
        for (const auto& entry : *dynamic)
        {
            if (auto field = entry.value<std::string>())
            {
                table.dynamic.insert(*field);
            }
        }
    }
    return std::optional<ProjectTable>(std::move(table));
}

Expected<BuildSystem> read_build_system(const fs::path& project_dir)
{
    BuildSystem fallback{{"setuptools>=40.8.0", "wheel"}, "setuptools.build_meta:__legacy__", {}};
    const fs::path pyproject = project_dir / "pyproject.toml";
    std::error_code error;
    if (!fs::is_regular_file(pyproject, error))
    {
        return fallback;
    }
    toml::table document;
    try
    {
        document = toml::parse_file(pyproject.string());
    }
    catch (const toml::parse_error& parse_error)
    {
        return fail(where(pyproject, parse_error.source()) +
                    ": invalid TOML: " + std::string(parse_error.description()));
    }
    const toml::table* table = document["build-system"].as_table();
    if (table == nullptr)
    {
        return fallback;
    }
    const auto strings = [&](std::string_view key,
                             std::vector<std::string>& out) -> Expected<void>
    {
        const toml::node* node = table->get(key);
        if (node == nullptr)
        {
            return {};
        }
        const toml::array* array = node->as_array();
        if (array == nullptr)
        {
            return fail(where(pyproject, node->source()) + ": build-system." +
                        std::string(key) + " must be a list of strings");
        }
        out.clear();
        for (const auto& entry : *array)
        {
            auto text = entry.value<std::string>();
            if (!text)
            {
                return fail(where(pyproject, entry.source()) + ": build-system." +
                            std::string(key) + " must be a list of strings");
            }
            out.push_back(std::move(*text));
        }
        return {};
    };
    BuildSystem system = fallback;
    // PEP 518: a [build-system] table without `requires` is an error; pip takes the fallback's
    // requirements then (with a warning), and so does pydeb.
    PYDEB_TRY(strings("requires", system.requires_));
    if (const toml::node* backend = table->get("build-backend"))
    {
        auto text = backend->value<std::string>();
        if (!text || text->empty())
        {
            return fail(where(pyproject, backend->source()) +
                        ": build-system.build-backend must be a string naming the backend");
        }
        system.backend = std::move(*text);
    }
    PYDEB_TRY(strings("backend-path", system.backend_path));
    return system;
}

} // namespace pydeb::spec
