// What the package carries besides the venv (files, entry points), its hooks, and the per-format
// relation fields.
#include "spec/loader.hpp"
#include "spec/names.hpp"

namespace pydeb::spec::detail
{

namespace
{

void read_file_entry(Loader& loader, const YAML::Node& item)
{
    if (!item.IsMap())
    {
        loader.reader.report(item, "each entry of 'files' is a mapping "
                                   "({source: conf/app.conf, dest: /etc/app/app.conf})");
        return;
    }
    loader.reader.check_keys(item, {"source", "dest", "config", "mode"}, "a 'files' entry");
    ExtraFile file;
    file.where = loader.reader.where(item);
    bool ok = true;
    if (const YAML::Node source = item["source"]; source.IsDefined())
    {
        auto path = loader.path(source, "source", MustExist::file);
        ok = ok && path.has_value();
        file.source = path.value_or("");
    }
    else
    {
        loader.reader.report(item, "a 'files' entry needs 'source'");
        ok = false;
    }
    if (const YAML::Node dest = item["dest"]; dest.IsDefined())
    {
        auto text = loader.reader.string(dest, "dest");
        if (text)
        {
            if (auto problem = check_absolute_path(*text))
            {
                loader.reader.report(dest, "dest: " + *problem);
                ok = false;
            }
            file.dest = *text;
        }
        ok = ok && text.has_value();
    }
    else
    {
        loader.reader.report(item, "a 'files' entry needs 'dest'");
        ok = false;
    }
    if (const YAML::Node config = item["config"]; config.IsDefined())
    {
        const auto value = loader.reader.boolean(config, "config");
        file.kind = value.value_or(false) ? FileKind::config : FileKind::regular;
    }
    if (const YAML::Node mode = item["mode"]; mode.IsDefined())
    {
        const auto text = loader.reader.string(mode, "mode");
        const auto value = text ? parse_octal_mode(*text) : std::nullopt;
        if (!value)
        {
            loader.reader.report(mode, "mode is an octal string such as \"0644\" (quote it, or "
                                       "YAML reads 0644 as a number)");
            ok = false;
        }
        file.mode = value.value_or(0644);
    }
    if (ok)
    {
        loader.spec.files.push_back(std::move(file));
    }
}

void read_list(Loader& loader, const YAML::Node& map, std::string_view key,
               std::vector<std::string>& out)
{
    if (const YAML::Node node = map[std::string(key)]; node.IsDefined())
    {
        out = loader.reader.string_list(node, key).value_or(std::vector<std::string>{});
    }
}

} // namespace

void Loader::read_contents(const YAML::Node& root)
{
    if (const YAML::Node files = root["files"]; files.IsDefined())
    {
        if (!files.IsSequence())
        {
            reader.report(files, "'files' must be a list of {source, dest, config, mode}");
        }
        else
        {
            for (const auto& item : files)
            {
                read_file_entry(*this, item);
            }
        }
    }
    if (const YAML::Node entry_points = root["entry-points"]; entry_points.IsDefined())
    {
        for (const auto& name : reader.string_list(entry_points, "entry-points").value_or(std::vector<std::string>{}))
        {
            if (auto problem = check_command_name(name))
            {
                reader.report(entry_points, "entry-points: '" + name + "': " + *problem);
                continue;
            }
            spec.entry_points.push_back(name);
        }
    }
}

void Loader::read_hooks(const YAML::Node& node)
{
    if (!node.IsDefined())
    {
        return;
    }
    if (!node.IsMap())
    {
        reader.report(node, "'hooks' must be a mapping of event to shell file");
        return;
    }
    reader.check_keys(node,
                      {"pre-install", "post-install", "pre-upgrade", "post-upgrade", "pre-remove",
                       "post-remove", "post-purge"},
                      "'hooks'");
    const std::pair<std::string_view, std::optional<std::filesystem::path>*> events[] = {
        {"pre-install", &spec.hooks.pre_install},   {"post-install", &spec.hooks.post_install},
        {"pre-upgrade", &spec.hooks.pre_upgrade},   {"post-upgrade", &spec.hooks.post_upgrade},
        {"pre-remove", &spec.hooks.pre_remove},     {"post-remove", &spec.hooks.post_remove},
        {"post-purge", &spec.hooks.post_purge},
    };
    for (const auto& [key, target] : events)
    {
        if (const YAML::Node hook = node[std::string(key)]; hook.IsDefined())
        {
            *target = path(hook, key, MustExist::file);
        }
    }
}

void Loader::read_deb(const YAML::Node& node)
{
    if (!node.IsDefined())
    {
        return;
    }
    if (!node.IsMap())
    {
        reader.report(node, "'deb' must be a mapping (deb: {depends: [...]})");
        return;
    }
    reader.check_keys(node,
                      {"depends", "pre-depends", "recommends", "suggests", "conflicts", "breaks",
                       "replaces", "provides", "section", "priority", "repositories"},
                      "'deb'");
    read_list(*this, node, "depends", spec.deb.depends);
    read_list(*this, node, "pre-depends", spec.deb.pre_depends);
    read_list(*this, node, "recommends", spec.deb.recommends);
    read_list(*this, node, "suggests", spec.deb.suggests);
    read_list(*this, node, "conflicts", spec.deb.conflicts);
    read_list(*this, node, "breaks", spec.deb.breaks);
    read_list(*this, node, "replaces", spec.deb.replaces);
    read_list(*this, node, "provides", spec.deb.provides);
    if (const YAML::Node section = node["section"]; section.IsDefined())
    {
        spec.deb.section = reader.string(section, "section").value_or(spec.deb.section);
    }
    if (const YAML::Node priority = node["priority"]; priority.IsDefined())
    {
        spec.deb.priority = reader.string(priority, "priority").value_or(spec.deb.priority);
    }
    if (const YAML::Node repos = node["repositories"]; repos.IsDefined() && repos.IsSequence())
    {
        for (const auto& item : repos)
        {
            if (auto p = path(item, "repositories", MustExist::file))
            {
                spec.deb.repositories.push_back(*p);
            }
        }
    }
}

void Loader::read_rpm(const YAML::Node& node)
{
    if (!node.IsDefined())
    {
        return;
    }
    if (!node.IsMap())
    {
        reader.report(node, "'rpm' must be a mapping (rpm: {requires: [...]})");
        return;
    }
    reader.check_keys(node,
                      {"requires", "provides", "conflicts", "obsoletes", "recommends", "group",
                       "repositories"},
                      "'rpm'");
    read_list(*this, node, "requires", spec.rpm.requires_);
    read_list(*this, node, "provides", spec.rpm.provides);
    read_list(*this, node, "conflicts", spec.rpm.conflicts);
    read_list(*this, node, "obsoletes", spec.rpm.obsoletes);
    read_list(*this, node, "recommends", spec.rpm.recommends);
    if (const YAML::Node group = node["group"]; group.IsDefined())
    {
        spec.rpm.group = reader.string(group, "group").value_or(spec.rpm.group);
    }
    if (const YAML::Node repos = node["repositories"]; repos.IsDefined() && repos.IsSequence())
    {
        for (const auto& item : repos)
        {
            if (auto p = path(item, "repositories", MustExist::directory))
            {
                spec.rpm.repositories.push_back(*p);
            }
        }
    }
}

} // namespace pydeb::spec::detail
