#include "package/deb/scripts.hpp"

#include "package/contents.hpp"
#include "package/core/render.hpp"
#include "package/deb/service_scripts.hpp"
#include "templates/templates.hpp"
#include "util/strings.hpp"

#include <filesystem>

namespace pydeb::package::deb
{

namespace
{

using Values = std::map<std::string, std::string, std::less<>>;

Expected<std::string> load(std::string_view name)
{
    auto text = templates::get("deb/" + std::string(name));
    if (!text)
    {
        return fail("internal error: template deb/" + std::string(name) + " is not embedded");
    }
    return std::string(*text);
}

// The scripts remove these paths recursively as root: accept only clean absolute paths that are
// not part of the base system, so a spec typo can never become "rm -rf /usr".
Expected<void> check_removable(std::string_view what, const std::string& path)
{
    const std::filesystem::path p(path);
    const bool clean = p.is_absolute() && p.lexically_normal().generic_string() == path &&
                       path.find('\n') == std::string::npos && !path.ends_with('/');
    if (!clean || is_shared_system_directory(path))
    {
        return fail(std::string(what) + " '" + path +
                    "' must be a normalized absolute path outside the base system directories "
                    "(maintainer scripts remove it recursively)");
    }
    return {};
}

// A hook's body inside a shell function; always ends with a newline.
std::string hook(const std::string& text)
{
    if (text.empty() || text.ends_with('\n'))
    {
        return text;
    }
    return text + "\n";
}

Expected<std::string> actions(const PackageInfo& info, std::string_view script)
{
    std::string out;
    const VenvActions& venv = info.venv;
    if (venv.prefix.empty())
    {
        return out;
    }
    if (script == "postinst" && venv.compile_bytecode_on_install)
    {
        out += PYDEB_TRY(render_fragment("postinst-pydeb-bytecode", venv));
    }
    if (script == "prerm")
    {
        out += PYDEB_TRY(render_fragment("prerm-pydeb-pycache", venv));
    }
    if (script == "postrm")
    {
        out += PYDEB_TRY(render_fragment("postrm-pydeb-purge", venv));
    }
    return out;
}

} // namespace

Expected<std::string> render_fragment(std::string_view name, const VenvActions& venv)
{
    PYDEB_TRY(check_removable("virtualenv prefix", venv.prefix));
    std::string purge;
    for (const std::string& path : venv.purge_paths)
    {
        PYDEB_TRY(check_removable("purge path", path));
        purge += (purge.empty() ? "" : " ") + util::shell_quote(path);
    }
    if (venv.compile_bytecode_on_install && venv.interpreter.empty())
    {
        return fail("bytecode: install needs the target interpreter's path");
    }
    const Values values{{"PREFIX", util::shell_quote(venv.prefix)},
                        {"PYTHON", util::shell_quote(venv.interpreter)},
                        {"PURGE_PATHS", purge}};
    return render_template(PYDEB_TRY(load(name)), values);
}

Expected<std::vector<MaintainerScript>> render_scripts(const PackageInfo& info)
{
    const Lifecycle& l = info.lifecycle;
    const Values hooks{
        {"PRE_INSTALL", hook(l.pre_install)},   {"PRE_UPGRADE", hook(l.pre_upgrade)},
        {"POST_INSTALL", hook(l.post_install)}, {"POST_UPGRADE", hook(l.post_upgrade)},
        {"PRE_REMOVE", hook(l.pre_remove)},     {"POST_REMOVE", hook(l.post_remove)},
        {"POST_PURGE", hook(l.post_purge)}};
    const ServiceSnippets services = PYDEB_TRY(render_service_snippets(info.services));
    struct Plan
    {
        std::string_view name;
        bool has_hooks;
        std::string setup;    // appended to pydeb's own actions
        std::string services; // at #PYDEB_SERVICES#
    };
    const Plan plans[] = {
        {"preinst", !l.pre_install.empty() || !l.pre_upgrade.empty(), "", services.preinst},
        {"postinst", !l.post_install.empty() || !l.post_upgrade.empty(), services.postinst_setup,
         services.postinst},
        {"prerm", !l.pre_remove.empty(), "", services.prerm},
        {"postrm", !l.post_remove.empty() || !l.post_purge.empty(), "", services.postrm},
    };
    std::vector<MaintainerScript> scripts;
    for (const Plan& plan : plans)
    {
        const std::string own = PYDEB_TRY(actions(info, plan.name)) + plan.setup;
        if (!plan.has_hooks && own.empty() && plan.services.empty())
        {
            continue;
        }
        Values values = hooks;
        values["PYDEB_ACTIONS"] = own;
        values["PYDEB_SERVICES"] = plan.services;
        scripts.push_back(
            {std::string(plan.name), render_template(PYDEB_TRY(load(plan.name)), values)});
    }
    return scripts;
}

} // namespace pydeb::package::deb
