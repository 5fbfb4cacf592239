// services: systemd units the package ships, from the packager's file (unit:) or generated from
// a command (exec:). Checks here need only the spec; whether exec names something the package
// installs is checked once the package tree is staged (pipeline/stage_services.cpp).
#include "spec/base_units.hpp"
#include "spec/loader.hpp"
#include "spec/names.hpp"
#include "spec/unit_file.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pydeb::spec::detail
{

namespace
{

constexpr std::string_view k_types[] = {".service", ".socket", ".timer"};

bool has_unit_type(std::string_view name)
{
    return std::ranges::any_of(k_types, [&](std::string_view t) { return name.ends_with(t); });
}

void read_unit_file(Loader& loader, const YAML::Node& node, Service& service)
{
    const auto path = loader.path(node, "unit", MustExist::file);
    if (!path)
    {
        return;
    }
    service.unit = *path;
    service.name = path->filename().string();
    if (!has_unit_type(service.name) || !is_unit_name(service.name))
    {
        loader.reader.report(node, "unit: '" + service.name +
                                       "' must be named NAME.service, NAME@.service, NAME.socket "
                                       "or NAME.timer (systemd.unit(5))");
        return;
    }
    const auto text = util::read_file(*path);
    if (!text)
    {
        loader.reader.report(node, "unit: " + text.error().message);
        return;
    }
    const std::string type = service.name.substr(service.name.rfind('.') + 1);
    const auto facts = read_unit(*text, type);
    if (const auto* problem = std::get_if<UnitProblem>(&facts))
    {
        loader.reader.report(Location{path->string(), problem->line, problem->column},
                             problem->message + " (the unit of the service at " +
                                 loader.reader.where(node).to_string() + ")");
        return;
    }
    service.install = std::get<UnitFacts>(facts).install;
}

template <typename E>
void read_flag(Loader& loader, const YAML::Node& item, std::string_view key, E& target, E no)
{
    if (const YAML::Node node = item[std::string(key)]; node.IsDefined())
    {
        if (!loader.reader.boolean(node, key).value_or(true))
        {
            target = no;
        }
    }
}

void read_service(Loader& loader, const YAML::Node& item)
{
    if (!item.IsMap())
    {
        loader.reader.report(item, "each entry of 'services' is a mapping "
                                   "({name: app, exec: app --serve} or {unit: app.service})");
        return;
    }
    loader.reader.check_keys(item,
                             {"name", "unit", "exec", "description", "user", "group", "environment",
                              "working-directory", "restart", "enable", "start",
                              "restart-on-upgrade"},
                             "a 'services' entry");
    Service service;
    service.where = loader.reader.where(item);
    const bool has_unit = item["unit"].IsDefined();
    if (has_unit == item["exec"].IsDefined())
    {
        loader.reader.report(item, "a service has either 'unit' (a unit file) or 'exec' (a "
                                   "command to generate one from), not both or neither");
        return;
    }
    if (has_unit)
    {
        for (std::string_view key : {"name", "description", "user", "group", "environment",
                                     "working-directory", "restart"})
        {
            if (item[std::string(key)].IsDefined())
            {
                loader.reader.report(item[std::string(key)],
                                     std::string(key) + ": only for services generated from "
                                                        "'exec'; write it in the unit file");
            }
        }
        read_unit_file(loader, item["unit"], service);
    }
    else
    {
        read_generated_service(loader, item, service);
    }
    if (service.name.empty())
    {
        return;
    }
    const YAML::Node name_node = has_unit ? item["unit"] : item["name"];
    if (is_base_system_unit(service.name))
    {
        loader.reader.report(name_node, "'" + service.name +
                                            "' is the name of a unit of the base system; the "
                                            "package must not replace it, choose another name");
    }
    if (std::ranges::any_of(loader.spec.services,
                            [&](const Service& other) { return other.name == service.name; }))
    {
        loader.reader.report(name_node, "service '" + service.name + "' is declared twice");
    }
    read_flag(loader, item, "enable", service.enable, Enable::no);
    read_flag(loader, item, "start", service.start, Start::no);
    read_flag(loader, item, "restart-on-upgrade", service.restart_on_upgrade, RestartOnUpgrade::no);
    if (const YAML::Node node = item["restart-on-upgrade"];
        node.IsDefined() && service.install == InstallSection::absent)
    {
        loader.reader.report(node, "restart-on-upgrade: " + service.name +
                                       " has no [Install] section, so it is never enabled or "
                                       "started by the package; drop the key or add [Install]");
    }
    loader.spec.services.push_back(std::move(service));
}

} // namespace

void Loader::read_services(const YAML::Node& node)
{
    each_item(node, "'services' must be a list of {name, exec, ...} or {unit: FILE}", read_service);
}

} // namespace pydeb::spec::detail
