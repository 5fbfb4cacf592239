// The texts both formats derive from ServiceActions: the sysusers.d and tmpfiles.d fragments the
// package ships, and the shell commands that do the same where systemd's tools are missing.
#pragma once

#include "package/model.hpp"
#include "util/strings.hpp"

#include <string>

namespace pydeb::package
{

// sysusers.d(5): "g GROUP -" for a group other than the user's name, then
// "u NAME -[:GROUP] "GECOS" HOME". Empty when there are no accounts.
[[nodiscard]] std::string sysusers_fragment(const ServiceActions& services);

// tmpfiles.d(5): "d PATH MODE USER GROUP -" per directory. Empty when there are none.
[[nodiscard]] std::string tmpfiles_fragment(const ServiceActions& services);

// getent || groupadd --system / useradd --system lines, one per group and account, each
// starting with `indent`. Values are shell-quoted.
[[nodiscard]] std::string useradd_commands(const ServiceActions& services, std::string_view indent);

// install -d -m MODE -o USER -g GROUP PATH, one per directory.
[[nodiscard]] std::string mkdir_commands(const ServiceActions& services, std::string_view indent);

// dh_installsystemd leaves template units (NAME@.service) alone: neither enabled nor started.
[[nodiscard]] inline bool is_template_unit(const ServiceUnit& unit)
{
    return unit.name.find('@') != std::string::npos;
}

enum class Quoting
{
    shell, // util::shell_quote, as debhelper's snippets quote unit names
    none,  // as systemd's rpm macros write them (the spec allows only [A-Za-z0-9:_.@-])
};

// The names of the units `filter` picks, joined by spaces.
template <typename Filter>
[[nodiscard]] std::string unit_names(const ServiceActions& services, Filter filter, Quoting quoting)
{
    std::string out;
    for (const ServiceUnit& unit : services.units)
    {
        if (filter(unit))
        {
            out += (out.empty() ? "" : " ") +
                   (quoting == Quoting::shell ? util::shell_quote(unit.name) : unit.name);
        }
    }
    return out;
}

} // namespace pydeb::package
