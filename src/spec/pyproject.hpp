// The [project] table of a pyproject.toml (PEP 621, the "Declaring project metadata"
// specification): the package defaults a project already declares, so pydeb.yaml need not repeat
// them. Parsed with toml++ (Debian's libtomlplusplus).
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pydeb::spec
{

struct ProjectTable
{
    std::optional<std::string> name; // made a Debian package name: lower case, '_' -> '-'
    std::optional<std::string> version;
    std::optional<std::string> summary;     // project.description
    std::optional<std::string> description; // project.readme: the file's text, or readme.text
    std::optional<std::string> license;     // PEP 639 license string, or license.text
    std::optional<std::string> maintainer;  // "Name <email>" of the first maintainer, else author
    std::optional<std::string> homepage;    // project.urls.Homepage (any case)
    std::vector<std::string> scripts;       // project.scripts names, sorted
    std::set<std::string> dynamic;          // project.dynamic: filled in by the build backend
};

// nullopt when the file has no [project] table (a setup.py project, say). Errors read
// FILE:LINE:COL: message.
[[nodiscard]] Expected<std::optional<ProjectTable>>
read_project_table(const std::filesystem::path& pyproject);

// The [build-system] table (PEP 518, PEP 517): what builds an sdist. Without a pyproject.toml or
// without the table, PEP 517's fallback: setuptools' legacy backend with "setuptools>=40.8.0" and
// "wheel" (pip does the same); a table without build-backend uses that backend too.
struct BuildSystem
{
    std::vector<std::string> requires_; // PEP 508 requirement texts
    std::string backend;                // "module:object"
    std::vector<std::string> backend_path; // relative to the project directory (PEP 517)
};

// Errors read FILE:LINE:COL: message (a `requires` that is not a list of strings, say).
[[nodiscard]] Expected<BuildSystem> read_build_system(const std::filesystem::path& project_dir);

} // namespace pydeb::spec
