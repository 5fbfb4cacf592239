#include "package/deb/service_scripts.hpp"

#include "package/core/render.hpp"
#include "package/core/service_fragments.hpp"
#include "templates/templates.hpp"

#include <algorithm>

namespace pydeb::package::deb
{

namespace
{

using Values = std::map<std::string, std::string, std::less<>>;

Expected<std::string> snippet(std::string_view name, const Values& values)
{
    const auto text = templates::get("deb/" + std::string(name));
    if (!text)
    {
        return fail("internal error: template deb/" + std::string(name) + " is not embedded");
    }
    return render_template(*text, values);
}

// The snippets for the units that share one start/restart choice, as one dh_installsystemd run
// with the matching options would write them (its "start units" branch).
Expected<void> start_group(ServiceSnippets& out, const ServiceActions& services, UnitStart start,
                           UnitRestart restart)
{
    const std::string units = unit_names(
        services,
        [&](const ServiceUnit& u)
        { return !is_template_unit(u) && u.start == start && u.restart == restart; },
        Quoting::shell);
    if (units.empty())
    {
        return {};
    }
    const bool after = restart == UnitRestart::after_upgrade;
    if (after && start == UnitStart::yes)
    {
        out.postinst += PYDEB_TRY(snippet("postinst-pydeb-systemd-restart",
                                          {{"UNITFILES", units}, {"RESTART_ACTION", "restart"}}));
    }
    else if (after)
    {
        out.postinst +=
            PYDEB_TRY(snippet("postinst-pydeb-systemd-restartnostart",
                              {{"UNITFILES", units}, {"RESTART_ACTION", "try-restart"}}));
    }
    else if (start == UnitStart::yes)
    {
        out.postinst += PYDEB_TRY(snippet("postinst-pydeb-systemd-start", {{"UNITFILES", units}}));
    }
    if (!after)
    {
        out.preinst += PYDEB_TRY(snippet("preinst-pydeb-systemd-stop", {{"UNITFILES", units}}));
    }
    if (start == UnitStart::yes)
    {
        out.prerm += PYDEB_TRY(snippet("prerm-pydeb-systemd-stop", {{"UNITFILES", units}}));
    }
    return {};
}

} // namespace

Expected<ServiceSnippets> render_service_snippets(const ServiceActions& services)
{
    ServiceSnippets out;
    if (!services.accounts.empty())
    {
        out.postinst_setup += PYDEB_TRY(snippet(
            "postinst-pydeb-sysusers", {{"SYSUSERS", util::shell_quote(services.fragment_name)},
                                        {"USERADD", useradd_commands(services, "\t\t")}}));
    }
    if (!services.directories.empty())
    {
        out.postinst_setup += PYDEB_TRY(snippet(
            "postinst-pydeb-tmpfiles", {{"TMPFILES", util::shell_quote(services.fragment_name)},
                                        {"MKDIRS", mkdir_commands(services, "\t\t")}}));
    }
    const auto enabled = [](const ServiceUnit& u)
    { return !is_template_unit(u) && u.install == UnitInstallSection::present; };
    for (const ServiceUnit& unit : services.units)
    {
        if (enabled(unit))
        {
            out.postinst += PYDEB_TRY(snippet(unit.enable == UnitEnable::yes
                                                  ? "postinst-pydeb-systemd-enable"
                                                  : "postinst-pydeb-systemd-dont-enable",
                                              {{"UNITFILE", util::shell_quote(unit.name)}}));
        }
    }
    if (const std::string units = unit_names(services, enabled, Quoting::shell); !units.empty())
    {
        out.postrm += PYDEB_TRY(snippet("postrm-pydeb-systemd-purge", {{"UNITFILES", units}}));
    }
    for (const UnitStart start : {UnitStart::yes, UnitStart::no})
    {
        for (const UnitRestart restart :
             {UnitRestart::after_upgrade, UnitRestart::stop_before_upgrade})
        {
            PYDEB_TRY(start_group(out, services, start, restart));
        }
    }
    if (std::ranges::any_of(services.units,
                            [](const ServiceUnit& u) { return !is_template_unit(u); }))
    {
        out.postrm = PYDEB_TRY(snippet("postrm-pydeb-systemd-reload", {})) + out.postrm;
    }
    return out;
}

} // namespace pydeb::package::deb
