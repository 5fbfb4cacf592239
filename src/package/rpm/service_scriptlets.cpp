#include "package/rpm/service_scriptlets.hpp"

#include "package/core/render.hpp"
#include "package/core/service_fragments.hpp"
#include "templates/templates.hpp"

namespace pydeb::package::rpm
{

namespace
{

Expected<std::string> part(std::string_view name,
                           const std::map<std::string, std::string, std::less<>>& values)
{
    const auto text = templates::get("rpm/" + std::string(name));
    if (!text)
    {
        return fail("internal: template rpm/" + std::string(name) + " is not embedded");
    }
    return render_template(*text, values);
}

// Template units (NAME@.service) are left alone, as for the .deb.
template <typename Filter> std::string units(const ServiceActions& services, Filter filter)
{
    return unit_names(
        services, [&](const ServiceUnit& u) { return !is_template_unit(u) && filter(u); },
        Quoting::none);
}

} // namespace

Expected<ServiceScriptlets> render_service_scriptlets(const ServiceActions& services)
{
    ServiceScriptlets out;
    if (!services.accounts.empty())
    {
        // The heredoc's end marker has its own line in the template (%(cat FILE) drops the
        // file's last newline in the macro).
        std::string sysusers_lines = sysusers_fragment(services);
        sysusers_lines.pop_back();
        out.pre_setup =
            PYDEB_TRY(part("sysusers", {{"FRAGMENT", services.fragment_name},
                                        {"SYSUSERS", sysusers_lines},
                                        {"USERADD", useradd_commands(services, "    ")}}));
    }
    if (!services.directories.empty())
    {
        out.post_setup =
            PYDEB_TRY(part("tmpfiles", {{"FRAGMENT", services.fragment_name},
                                        {"MKDIRS", mkdir_commands(services, "    ")}}));
    }
    const std::string all = units(services, [](const ServiceUnit&) { return true; });
    if (!all.empty())
    {
        out.post = PYDEB_TRY(part("systemd-post", {{"UNITS", all}}));
        out.preun = PYDEB_TRY(part("systemd-preun", {{"UNITS", all}}));
    }
    // %systemd_postun (restart-on-upgrade: false) expands to nothing in systemd 252's macros.
    const std::string restarted = units(services, [](const ServiceUnit& u)
                                        { return u.restart == UnitRestart::after_upgrade; });
    if (!restarted.empty())
    {
        out.postun = PYDEB_TRY(part("systemd-postun-with-restart", {{"UNITS", restarted}}));
    }
    return out;
}

} // namespace pydeb::package::rpm
