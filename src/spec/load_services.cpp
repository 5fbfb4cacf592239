// services: systemd units the package ships, from the packager's file (unit:) or generated from
// a command (exec:). Checks here need only the spec; whether exec names something the package
// installs is checked once the package tree is staged (pipeline/stage_services.cpp).
#include "spec/base_units.hpp"
#include "spec/loader.hpp"
#include "spec/names.hpp"
#include "spec/unit_file.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <cctype>

#include <algorithm>

namespace pydeb::spec::detail
{

namespace
{

constexpr std::string_view k_types[] = {".service", ".socket", ".timer"};

bool has_unit_type(std::string_view name)
{
    return std::ranges::any_of(k_types, [&](std::string_view t) { return name.ends_with(t); });
}

// systemd.unit(5): unit names are [A-Za-z0-9:_.\-] plus one '@' for templates; pydeb leaves out
// the backslash of escaped names, so a name is safe unquoted in rpm's scriptlets (as the macros write it).
bool is_unit_name(std::string_view name)
{
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == ':' || c == '_' || c == '.' || c == '-' || c == '@';
    };
    return !name.empty() && name.size() <= 255 && std::ranges::all_of(name, allowed) &&
           std::ranges::count(name, '@') <= 1 && name.front() != '.';
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

void read_generated(Loader& loader, const YAML::Node& item, Service& service)
{
    const YAML::Node name = item["name"];
    if (!name.IsDefined())
    {
        loader.reader.report(item, "a service generated from 'exec' needs a 'name' (name: app "
                                   "gives app.service)");
        return;
    }
    service.name = loader.reader.string(name, "name").value_or("");
    if (!service.name.ends_with(".service"))
    {
        service.name += ".service";
    }
    if (!is_unit_name(service.name) || service.name.find('@') != std::string::npos)
    {
        loader.reader.report(name, "name: '" + service.name +
                                       "' is not a unit name: use letters, digits, ':', '_', '.' "
                                       "and '-' (systemd.unit(5)); template units need 'unit:'");
        service.name.clear();
        return;
    }
    service.exec_where = loader.reader.where(item["exec"]);
    service.exec = loader.reader.string(item["exec"], "exec").value_or("");
    if (util::trim(service.exec).empty() || service.exec.find('\n') != std::string::npos)
    {
        loader.reader.report(item["exec"], "exec: one command line, e.g. \"app --serve\"");
    }
    for (auto [key, target] :
         {std::pair{"description", &service.description},
          std::pair{"working-directory", &service.working_directory}})
    {
        if (const YAML::Node node = item[key]; node.IsDefined())
        {
            *target = loader.reader.string(node, key).value_or("");
        }
    }
    if (!service.working_directory.empty())
    {
        if (auto problem = check_absolute_path(service.working_directory))
        {
            loader.reader.report(item["working-directory"], "working-directory: " + *problem);
        }
    }
    if (const YAML::Node env = item["environment"]; env.IsDefined())
    {
        if (!env.IsMap())
        {
            loader.reader.report(env, "environment: a mapping of NAME: value");
        }
        for (const auto& pair : env.IsMap() ? env : YAML::Node())
        {
            const std::string key = pair.first.Scalar();
            const auto value = loader.reader.string(pair.second, key).value_or("");
            const bool good_key = !key.empty() && (std::isalpha(static_cast<unsigned char>(key[0])) != 0 || key[0] == '_') &&
                                  std::ranges::all_of(key, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; });
            if (!good_key || value.find('\n') != std::string::npos)
            {
                loader.reader.report(pair.first, "environment: '" + key +
                                                     "': names are [A-Za-z_][A-Za-z0-9_]*, "
                                                     "values one line");
                continue;
            }
            service.environment.push_back(key + "=" + value);
        }
    }
    if (const YAML::Node restart = item["restart"]; restart.IsDefined())
    {
        service.restart =
            loader.reader
                .choice<std::string>(restart, "restart",
                                     {{"no", "no"}, {"on-success", "on-success"},
                                      {"on-failure", "on-failure"}, {"on-abnormal", "on-abnormal"},
                                      {"on-watchdog", "on-watchdog"}, {"on-abort", "on-abort"},
                                      {"always", "always"}})
                .value_or("on-failure");
    }
    for (auto [key, target] : {std::pair{"user", &service.user}, std::pair{"group", &service.group}})
    {
        const YAML::Node node = item[key];
        if (!node.IsDefined())
        {
            continue;
        }
        *target = loader.reader.string(node, key).value_or("");
        if (!loader.is_known_account(*target, key))
        {
            loader.reader.report(node, std::string(key) + ": unknown " + key + " '" + *target +
                                           "': declare it under 'users' (root and nobody need "
                                           "no declaration)");
        }
    }
    if (!service.user.empty() && service.group.empty())
    {
        service.group = loader.group_of(service.user);
    }
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
                             {"name", "unit", "exec", "description", "user", "group",
                              "environment", "working-directory", "restart", "enable", "start",
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
        read_generated(loader, item, service);
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
    each_item(node, "'services' must be a list of {name, exec, ...} or {unit: FILE}",
              read_service);
}

} // namespace pydeb::spec::detail
