#include "package/rpm/scriptlets.hpp"

#include "package/core/render.hpp"
#include "package/rpm/service_scriptlets.hpp"
#include "templates/templates.hpp"
#include "util/strings.hpp"

#include <utility>
#include <vector>

namespace pydeb::package::rpm
{

namespace
{

constexpr std::string_view k_placeholder = "#PYDEB_DEFINITIONS#";

// The scripts run find -delete and rm -rf below these paths: refuse anything that could reach
// outside the package's own tree.
Expected<void> check_deletable(std::string_view what, std::string_view path)
{
    const bool bad = path.size() < 2 || path.front() != '/' || path.back() == '/' ||
                     path.find("/../") != std::string_view::npos || path.ends_with("/..") ||
                     path.find("/./") != std::string_view::npos || path.ends_with("/.") ||
                     path.find("//") != std::string_view::npos ||
                     path.find('\n') != std::string_view::npos;
    if (bad)
    {
        return fail(std::string(what) + " '" + std::string(path) +
                    "': the rpm scriptlets delete below it, so it must be a normalized absolute "
                    "path other than '/'");
    }
    return {};
}

std::string function(std::string_view name, std::string_view body)
{
    // The ':' keeps the function valid when the hook is empty or only comments.
    std::string out = std::string(name) + "() {\n:\n";
    out += body;
    if (!body.empty() && body.back() != '\n')
    {
        out += '\n';
    }
    return out + "}\n";
}

// The lines that replace #PYDEB_DEFINITIONS#: shell variables, then one function per hook.
std::string definitions(const VenvActions& venv,
                        const std::vector<std::pair<std::string_view, const std::string*>>& hooks)
{
    std::string out = "pydeb_prefix=" + util::shell_quote(venv.prefix) + "\n";
    out += "pydeb_interpreter=" + util::shell_quote(venv.interpreter) + "\n";
    out += std::string("pydeb_compile=") + (venv.compile_bytecode_on_install ? "yes" : "no") + "\n";
    for (const auto& [name, body] : hooks)
    {
        if (body != nullptr)
        {
            out += function("pydeb_hook_" + std::string(name), *body);
        }
    }
    return out;
}

// The services' parts go in first, so a hook's text is never scanned for placeholders.
Expected<std::string> render(std::string_view template_name, const std::string& defs,
                             const std::string& setup = {}, const std::string& services = {})
{
    const auto raw = templates::get("rpm/" + std::string(template_name));
    if (!raw)
    {
        return fail("internal: template rpm/" + std::string(template_name) + " is not embedded");
    }
    // A placeholder with nothing to insert takes its line with it.
    std::string text_in(*raw);
    for (const auto& [token, value] : {std::pair{"#PYDEB_SETUP#\n", &setup},
                                       std::pair{"#PYDEB_SERVICES#\n", &services}})
    {
        if (const auto at = text_in.find(token); value->empty() && at != std::string::npos)
        {
            text_in.erase(at, std::string_view(token).size());
        }
    }
    const std::string rendered =
        render_template(text_in, {{"PYDEB_SETUP", setup}, {"PYDEB_SERVICES", services}});
    const std::string_view text = rendered;
    const auto at = text.find(k_placeholder);
    if (at == std::string_view::npos)
    {
        return fail("internal: template rpm/" + std::string(template_name) + " lacks " +
                    std::string(k_placeholder));
    }
    std::string out(text.substr(0, at));
    out += defs;
    const auto rest = text.substr(at + k_placeholder.size());
    out += rest.starts_with('\n') ? rest.substr(1) : rest;
    return out;
}

bool blank(const std::string& text)
{
    return util::trim(text).empty();
}

} // namespace

Expected<Scriptlets> render_scriptlets(const Lifecycle& lifecycle, const VenvActions& venv,
                                       const ServiceActions& services)
{
    const ServiceScriptlets svc = PYDEB_TRY(render_service_scriptlets(services));
    const bool has_prefix = !venv.prefix.empty();
    if (has_prefix)
    {
        PYDEB_TRY(check_deletable("venv prefix", venv.prefix));
    }
    if (venv.compile_bytecode_on_install && (!has_prefix || venv.interpreter.empty()))
    {
        return fail("compiling bytecode on install needs the venv prefix and the interpreter");
    }
    std::string purge = "pydeb_remove_purge_paths() {\n:\n";
    for (const auto& path : venv.purge_paths)
    {
        PYDEB_TRY(check_deletable("purge path", path));
        purge += "rm -rf -- " + util::shell_quote(path) + "\n";
    }
    purge += "}\n";

    Scriptlets out;
    if (!blank(lifecycle.pre_install) || !blank(lifecycle.pre_upgrade) || !svc.pre_setup.empty())
    {
        out.pre =
            PYDEB_TRY(render("pre", definitions(venv, {{"pre_install", &lifecycle.pre_install},
                                                       {"pre_upgrade", &lifecycle.pre_upgrade}}),
                             svc.pre_setup));
    }
    if (venv.compile_bytecode_on_install || !blank(lifecycle.post_install) ||
        !blank(lifecycle.post_upgrade) || !svc.post_setup.empty() || !svc.post.empty())
    {
        out.post = PYDEB_TRY(
            render("post", definitions(venv, {{"post_install", &lifecycle.post_install},
                                              {"post_upgrade", &lifecycle.post_upgrade}}),
                   svc.post_setup, svc.post));
    }
    if (has_prefix || !blank(lifecycle.pre_remove) || !svc.preun.empty())
    {
        out.preun = PYDEB_TRY(render(
            "preun", definitions(venv, {{"pre_remove", &lifecycle.pre_remove}}), {}, svc.preun));
    }
    if (has_prefix || !venv.purge_paths.empty() || !blank(lifecycle.post_remove) ||
        !blank(lifecycle.post_purge) || !svc.postun.empty())
    {
        out.postun =
            PYDEB_TRY(render("postun", definitions(venv, {{"post_remove", &lifecycle.post_remove},
                                                          {"post_purge", &lifecycle.post_purge}}) +
                                           purge, {}, svc.postun));
    }
    if (has_prefix)
    {
        out.posttrans = PYDEB_TRY(render("posttrans", definitions(venv, {})));
    }
    return out;
}

} // namespace pydeb::package::rpm
