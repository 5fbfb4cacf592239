// users: and directories: the system accounts a service runs as and the directories it writes.
#include "spec/loader.hpp"
#include "spec/names.hpp"

#include <algorithm>

namespace pydeb::spec::detail
{

namespace
{

std::optional<std::string> read_account(Loader& loader, const YAML::Node& item,
                                        std::string_view key)
{
    const YAML::Node node = item[std::string(key)];
    auto text = loader.reader.string(node, key);
    if (text)
    {
        if (auto problem = check_account_name(*text))
        {
            loader.reader.report(node, std::string(key) + ": '" + *text + "': " + *problem);
            return std::nullopt;
        }
    }
    return text;
}

void read_user(Loader& loader, const YAML::Node& item)
{
    if (!item.IsMap() || !item["name"].IsDefined())
    {
        loader.reader.report(item, "each entry of 'users' is a mapping with a name "
                                   "({name: app, home: /var/lib/app})");
        return;
    }
    loader.reader.check_keys(item, {"name", "group", "home", "description"}, "a 'users' entry");
    SystemUser user;
    user.where = loader.reader.where(item);
    auto name = read_account(loader, item, "name");
    if (!name)
    {
        return;
    }
    user.name = *name;
    user.group = user.name;
    if (item["group"].IsDefined())
    {
        user.group = read_account(loader, item, "group").value_or(user.name);
    }
    if (const YAML::Node home = item["home"]; home.IsDefined())
    {
        user.home = loader.reader.string(home, "home").value_or("/");
        if (auto problem = check_absolute_path(user.home))
        {
            loader.reader.report(home, "home: " + *problem);
        }
    }
    if (const YAML::Node description = item["description"]; description.IsDefined())
    {
        user.description = loader.reader.string(description, "description").value_or("");
        if (user.description.find_first_of("\"\n\\$`") != std::string::npos)
        {
            loader.reader.report(description,
                                 "description: no quotes, backslashes, '$', backquotes or newlines "
                                 "(it is the account's GECOS field)");
        }
    }
    const bool twice = std::ranges::any_of(loader.spec.users, [&](const SystemUser& other)
                                           { return other.name == user.name; });
    if (twice)
    {
        loader.reader.report(item, "user '" + user.name + "' is declared twice");
        return;
    }
    loader.spec.users.push_back(std::move(user));
}

void read_directory(Loader& loader, const YAML::Node& item)
{
    if (!item.IsMap() || !item["path"].IsDefined())
    {
        loader.reader.report(item, "each entry of 'directories' is a mapping with a path "
                                   "({path: /var/lib/app, user: app, mode: \"0750\"})");
        return;
    }
    loader.reader.check_keys(item, {"path", "user", "group", "mode", "purge"},
                             "a 'directories' entry");
    StateDirectory dir;
    dir.where = loader.reader.where(item);
    dir.path = loader.reader.string(item["path"], "path").value_or("");
    if (auto problem = check_absolute_path(dir.path))
    {
        loader.reader.report(item["path"], "path: " + *problem);
    }
    else if (dir.path.find_first_of(" \t%") != std::string::npos)
    {
        // tmpfiles.d(5) splits lines on whitespace and expands % specifiers.
        loader.reader.report(item["path"], "path: no spaces, tabs or '%' (tmpfiles.d(5) syntax)");
    }
    for (auto [key, target] : {std::pair{"user", &dir.user}, std::pair{"group", &dir.group}})
    {
        const YAML::Node node = item[key];
        if (!node.IsDefined())
        {
            continue;
        }
        *target = read_account(loader, item, key).value_or("root");
        if (!loader.is_known_account(*target, key))
        {
            loader.reader.report(node, std::string(key) + ": '" + *target +
                                           "' is not a user of the base system (root) nor one "
                                           "declared under 'users'; declare it there");
        }
    }
    if (item["user"].IsDefined() && !item["group"].IsDefined())
    {
        dir.group = dir.user == "root" ? "root" : loader.group_of(dir.user);
    }
    if (const YAML::Node mode = item["mode"]; mode.IsDefined())
    {
        const auto text = loader.reader.string(mode, "mode");
        const auto value = text ? parse_octal_mode(*text) : std::nullopt;
        if (!value)
        {
            loader.reader.report(mode, "mode is an octal string such as \"0750\"");
        }
        dir.mode = value.value_or(0755);
    }
    if (const YAML::Node purge = item["purge"]; purge.IsDefined())
    {
        dir.purge = loader.reader.boolean(purge, "purge").value_or(false) ? Purge::yes : Purge::no;
    }
    loader.spec.directories.push_back(std::move(dir));
}

} // namespace

bool Loader::is_known_account(std::string_view name, std::string_view kind) const
{
    // The only accounts every Debian and rpm system has with the same name (base-passwd, setup).
    if (name == "root" || (kind == "user" && name == "nobody"))
    {
        return true;
    }
    return std::ranges::any_of(spec.users, [&](const SystemUser& user)
                               { return kind == "user" ? user.name == name : user.group == name; });
}

std::string Loader::group_of(std::string_view user) const
{
    for (const SystemUser& declared : spec.users)
    {
        if (declared.name == user)
        {
            return declared.group;
        }
    }
    return user == "nobody" ? "nogroup" : std::string(user);
}

void Loader::read_users(const YAML::Node& node)
{
    each_item(node, "'users' must be a list of {name, group, home, description}", read_user);
}

void Loader::read_directories(const YAML::Node& node)
{
    each_item(node, "'directories' must be a list of {path, user, group, mode, purge}",
              read_directory);
}

} // namespace pydeb::spec::detail
