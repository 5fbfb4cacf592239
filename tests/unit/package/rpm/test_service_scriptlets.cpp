#include "package/rpm/scriptlets.hpp"

#include <doctest/doctest.h>

using namespace pydeb::package;

TEST_CASE("rpm::render_scriptlets places systemd's macro expansions around the hooks")
{
    ServiceActions services;
    services.fragment_name = "app.conf";
    services.units = {{"app.service"}, {"job@.service"}};
    ServiceUnit held{"held.service"};
    held.restart = UnitRestart::stop_before_upgrade;
    services.units.push_back(held);
    services.accounts.push_back({"app", "app", "/", "the app"});
    Lifecycle hooks;
    hooks.post_install = "echo hook";
    const auto s = rpm::render_scriptlets(hooks, {}, services).value();
    CHECK(
        s.pre.find(
            "systemd-sysusers --replace=/usr/lib/sysusers.d/app.conf - <<SYSTEMD_INLINE_EOF || :\n"
            "u app - \"the app\" /\nSYSTEMD_INLINE_EOF\n") != std::string::npos);
    CHECK(s.post.find("pydeb_hook_post_install\n") <
          s.post.find("systemd-update-helper install-system-units app.service held.service || :"));
    CHECK(s.preun.find("remove-system-units app.service held.service || :") != std::string::npos);
    // %systemd_postun_with_restart for the restarted unit only; templates are left alone.
    CHECK(s.postun.find("mark-restart-system-units app.service || :") != std::string::npos);
    CHECK(s.postun.find("held.service") == std::string::npos);
    CHECK((s.pre + s.post + s.preun + s.postun).find("job@") == std::string::npos);
}
