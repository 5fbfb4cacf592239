// The install section: what goes into the virtualenv and how.
#include "python/requirement.hpp"
#include "spec/loader.hpp"
#include "spec/names.hpp"

namespace fs = std::filesystem;

namespace pydeb::spec::detail
{

namespace
{

void read_requirements(Loader& loader, const YAML::Node& node)
{
    if (!node.IsDefined())
    {
        return;
    }
    if (!node.IsSequence())
    {
        loader.reader.report(node, "'requirements' must be a list of PEP 508 strings "
                                   "(requirements: [\"flask>=2\"])");
        return;
    }
    for (const auto& item : node)
    {
        const auto text = loader.reader.string(item, "requirements");
        if (!text)
        {
            continue;
        }
        if (auto parsed = python::Requirement::parse(*text); !parsed)
        {
            loader.reader.report(item, "invalid requirement '" + *text + "': " +
                                           parsed.error().message + " (PEP 508)");
            continue;
        }
        loader.spec.requirements.push_back(Requirement{*text, loader.reader.where(item)});
    }
}

} // namespace

void Loader::read_install(const YAML::Node& node)
{
    // Beside the spec (debian/pydeb.lock under dh) whatever the base directory of relative paths.
    spec.lockfile = fs::absolute(spec.file).parent_path() / "pydeb.lock";
    spec.prefix = "/opt/venvs/" + spec.name;
    if (!node.IsDefined())
    {
        reader.report(Location{spec.file.string(), 1, 1},
                      "missing required key 'install' (what goes into the virtualenv)");
        return;
    }
    if (!node.IsMap())
    {
        reader.report(node, "'install' must be a mapping (install: {requirements: [...]})");
        return;
    }
    reader.check_keys(node,
                      {"prefix", "requirements", "requirements-file", "wheelhouse", "project",
                       "bytecode", "strip", "lockfile", "indexes", "find-links", "only-binary",
                       "sdist-sandbox"},
                      "'install'");

    if (const YAML::Node prefix = node["prefix"]; prefix.IsDefined())
    {
        if (auto text = reader.string(prefix, "prefix"))
        {
            if (auto problem = check_absolute_path(*text))
            {
                reader.report(prefix, "prefix: " + *problem);
            }
            else if (*text == "/" || *text == "/usr" || *text == "/opt" || *text == "/usr/local")
            {
                reader.report(prefix, "prefix: " + *text +
                                          " is a shared system directory; use a directory of "
                                          "the package's own, e.g. /opt/venvs/" + spec.name);
            }
            spec.prefix = *text;
        }
    }
    read_requirements(*this, node["requirements"]);
    if (const YAML::Node file = node["requirements-file"]; file.IsDefined())
    {
        spec.requirements_file = path(file, "requirements-file", MustExist::file);
    }
    if (const YAML::Node wheelhouse = node["wheelhouse"]; wheelhouse.IsDefined())
    {
        if (wheelhouse.IsScalar())
        {
            if (auto p = path(wheelhouse, "wheelhouse", MustExist::file_or_directory))
            {
                spec.wheelhouses.push_back(*p);
            }
        }
        else if (wheelhouse.IsSequence())
        {
            for (const auto& item : wheelhouse)
            {
                if (auto p = path(item, "wheelhouse", MustExist::file_or_directory))
                {
                    spec.wheelhouses.push_back(*p);
                }
            }
        }
        else
        {
            reader.report(wheelhouse, "'wheelhouse' must be a path or a list of paths");
        }
    }
    read_sources(*this, node);
    if (const YAML::Node project = node["project"]; project.IsDefined())
    {
        if (auto dir = path(project, "project", MustExist::directory))
        {
            if (!fs::exists(*dir / "pyproject.toml") && !fs::exists(*dir / "setup.py"))
            {
                reader.report(project, "project: " + dir->string() +
                                           " has neither pyproject.toml nor setup.py");
            }
            spec.project = *dir;
        }
    }
    if (const YAML::Node lockfile = node["lockfile"]; lockfile.IsDefined())
    {
        if (auto text = reader.string(lockfile, "lockfile"))
        {
            spec.lockfile = (spec.dir / *text).lexically_normal();
        }
    }
    if (const YAML::Node bytecode = node["bytecode"]; bytecode.IsDefined())
    {
        if (auto value = reader.choice<Bytecode>(bytecode, "bytecode",
                                                 {{"build", Bytecode::build},
                                                  {"install", Bytecode::install},
                                                  {"none", Bytecode::none}}))
        {
            spec.bytecode = *value;
        }
    }
    if (const YAML::Node strip = node["strip"]; strip.IsDefined())
    {
        if (auto value = reader.boolean(strip, "strip"))
        {
            spec.strip = *value ? Strip::yes : Strip::no;
        }
    }
    if (spec.requirements.empty() && !spec.requirements_file && !spec.project)
    {
        reader.report(node, "'install' names nothing to install: give requirements, "
                            "requirements-file or project");
    }
}

} // namespace pydeb::spec::detail
