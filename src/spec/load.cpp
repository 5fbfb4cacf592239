#include "spec/load.hpp"

#include "spec/loader.hpp"
#include "spec/pyproject.hpp"
#include "spec/names.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::spec
{

namespace
{


std::string render(const std::vector<Diagnostic>& diagnostics)
{
    std::vector<Diagnostic> sorted = diagnostics;
    std::ranges::stable_sort(sorted, [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    std::string out;
    for (const auto& d : sorted)
    {
        out += (out.empty() ? "" : "\n") + d.where.to_string() + ": " + d.message;
    }
    return out;
}

} // namespace

namespace detail
{

std::optional<fs::path> Loader::path(const YAML::Node& node, std::string_view key, MustExist must)
{
    const auto text = reader.string(node, key);
    if (!text)
    {
        return std::nullopt;
    }
    fs::path resolved = (spec.dir / *text).lexically_normal();
    if (!resolved.has_filename() && resolved.has_parent_path()) // "wheels/" → "wheels"
    {
        resolved = resolved.parent_path();
    }
    std::error_code ec;
    const auto status = fs::status(resolved, ec);
    const bool ok = must == MustExist::file                ? fs::is_regular_file(status)
                    : must == MustExist::directory         ? fs::is_directory(status)
                                                           : fs::exists(status);
    if (!ok)
    {
        const char* what = must == MustExist::file        ? "file"
                           : must == MustExist::directory ? "directory"
                                                          : "file or directory";
        reader.report(node, std::string(key) + ": " + what + " not found: " + resolved.string() +
                                " (relative paths are resolved against " + spec.dir.string() +
                                (spec.dir == fs::absolute(spec.file).parent_path()
                                     ? ", the spec's directory)"
                                     : ", the source package root)"));
        return std::nullopt;
    }
    return resolved;
}

} // namespace detail

Expected<Spec> load(const fs::path& file, const Defaults& defaults)
{
    detail::Loader loader{YamlReader(file.string()), Spec{}};
    loader.spec.file = file;
    loader.spec.dir = defaults.base_dir ? fs::absolute(*defaults.base_dir).lexically_normal()
                                        : fs::absolute(file).parent_path();

    YAML::Node root;
    try
    {
        if (!fs::is_regular_file(file))
        {
            return fail(file.string() + ": spec file not found");
        }
        root = YAML::LoadFile(file.string());
    }
    catch (const YAML::Exception& e)
    {
        return fail(file.string() + ":" + std::to_string(e.mark.line + 1) + ":" +
                    std::to_string(e.mark.column + 1) + ": invalid YAML: " + e.msg);
    }
    if (!root.IsMap())
    {
        return fail(file.string() + ":1:1: the spec must be a mapping of keys (name: ..., version: ...)");
    }

    loader.reader.check_keys(root,
                             {"name", "epoch", "version", "release", "summary", "description",
                              "maintainer", "license", "homepage", "python", "install",
                              "entry-points", "files", "hooks", "services", "users",
                              "directories", "deb", "rpm", "formats",
                              "compression", "check-installable", "sign", "targets"},
                             "the spec");
    // PEP 621 metadata of install.project fills what the spec and the caller leave out.
    std::optional<ProjectTable> project;
    const Defaults merged = PYDEB_TRY(detail::project_defaults(loader.spec, root, defaults, project));
    if (project && project->dynamic.contains("version") && !merged.version)
    {
        loader.spec.version_from_project = VersionFrom::project_wheel;
    }
    loader.read_metadata(root, merged);
    loader.read_python(root["python"]);
    loader.read_install(root["install"]);
    loader.read_contents(root);
    if (project && !root["entry-points"].IsDefined())
    {
        loader.spec.entry_points = project->scripts; // PEP 621 project.scripts
    }
    loader.read_hooks(root["hooks"]);
    loader.read_users(root["users"]);
    loader.read_directories(root["directories"]);
    loader.read_services(root["services"]);
    loader.read_deb(root["deb"]);
    loader.read_rpm(root["rpm"]);
    loader.read_output(root);
    loader.read_targets(root["targets"]);

    if (!loader.reader.diagnostics().empty())
    {
        return fail(render(loader.reader.diagnostics()));
    }
    return std::move(loader.spec);
}

} // namespace pydeb::spec
