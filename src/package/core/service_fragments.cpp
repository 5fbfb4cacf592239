#include "package/core/service_fragments.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cstdio>

namespace pydeb::package
{

namespace
{

std::string octal(std::uint32_t mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

// The groups to create besides the users' own same-named ones, in first-use order.
std::vector<std::string> extra_groups(const ServiceActions& services)
{
    std::vector<std::string> groups;
    for (const SystemAccount& account : services.accounts)
    {
        if (account.group != account.name &&
            std::ranges::find(groups, account.group) == groups.end())
        {
            groups.push_back(account.group);
        }
    }
    return groups;
}

} // namespace

std::string sysusers_fragment(const ServiceActions& services)
{
    std::string out;
    for (const std::string& group : extra_groups(services))
    {
        out += "g " + group + " -\n";
    }
    for (const SystemAccount& a : services.accounts)
    {
        // "-:GROUP" makes GROUP the primary group instead of creating one named after the user.
        const std::string id = a.group == a.name ? "-" : "-:" + a.group;
        const std::string gecos = a.description.empty() ? "-" : "\"" + a.description + "\"";
        out += "u " + a.name + " " + id + " " + gecos + " " + a.home + "\n";
    }
    return out;
}

std::string tmpfiles_fragment(const ServiceActions& services)
{
    std::string out;
    for (const ManagedDirectory& d : services.directories)
    {
        out += "d " + d.path + " " + octal(d.mode) + " " + d.user + " " + d.group + " -\n";
    }
    return out;
}

std::string useradd_commands(const ServiceActions& services, std::string_view indent)
{
    std::string out;
    const auto group_line = [&](const std::string& group)
    {
        const std::string q = util::shell_quote(group);
        out += std::string(indent) + "getent group " + q + " >/dev/null || groupadd --system " + q +
               "\n";
    };
    for (const std::string& group : extra_groups(services))
    {
        group_line(group);
    }
    for (const SystemAccount& a : services.accounts)
    {
        if (a.group == a.name)
        {
            group_line(a.group);
        }
        const std::string q = util::shell_quote(a.name);
        out += std::string(indent) + "getent passwd " + q +
               " >/dev/null || useradd --system --gid " + util::shell_quote(a.group) +
               " --home-dir " + util::shell_quote(a.home) +
               " --no-create-home --shell /usr/sbin/nologin --comment " +
               util::shell_quote(a.description) + " " + q + "\n";
    }
    return out;
}

std::string mkdir_commands(const ServiceActions& services, std::string_view indent)
{
    std::string out;
    for (const ManagedDirectory& d : services.directories)
    {
        out += std::string(indent) + "install -d -m " + octal(d.mode) + " -o " +
               util::shell_quote(d.user) + " -g " + util::shell_quote(d.group) + " " +
               util::shell_quote(d.path) + "\n";
    }
    return out;
}

} // namespace pydeb::package
