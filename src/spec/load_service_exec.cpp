// A service generated from exec: (pydeb.yaml(5) SERVICES): its name and the keys that become the
// unit's [Unit] and [Service] lines (pipeline/service_units.cpp writes them).
#include "spec/loader.hpp"
#include "spec/names.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pydeb::spec::detail
{

void read_generated_service(Loader& loader, const YAML::Node& item, Service& service)
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
    for (auto [key, target] : {std::pair{"description", &service.description},
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
            const bool good_key =
                !key.empty() &&
                (std::isalpha(static_cast<unsigned char>(key[0])) != 0 || key[0] == '_') &&
                std::ranges::all_of(
                    key, [](char c)
                    { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; });
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
        service.restart = loader.reader
                              .choice<std::string>(restart, "restart",
                                                   {{"no", "no"},
                                                    {"on-success", "on-success"},
                                                    {"on-failure", "on-failure"},
                                                    {"on-abnormal", "on-abnormal"},
                                                    {"on-watchdog", "on-watchdog"},
                                                    {"on-abort", "on-abort"},
                                                    {"always", "always"}})
                              .value_or("on-failure");
    }
    for (auto [key, target] :
         {std::pair{"user", &service.user}, std::pair{"group", &service.group}})
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

} // namespace pydeb::spec::detail
