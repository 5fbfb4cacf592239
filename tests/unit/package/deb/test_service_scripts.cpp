#include "package/deb/scripts.hpp"
#include "package/deb/service_scripts.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace pydeb::package;
using namespace pydeb::package::deb;

namespace
{

ServiceActions units(std::vector<ServiceUnit> list)
{
    ServiceActions services;
    services.units = std::move(list);
    services.fragment_name = "app.conf";
    return services;
}

bool has(const std::string& text, std::string_view what)
{
    return text.find(what) != std::string::npos;
}

} // namespace

TEST_CASE("deb::render_service_snippets: the default is dh_installsystemd's enable and restart")
{
    const auto s = render_service_snippets(units({{"app.service"}})).value();
    CHECK(has(s.postinst, "deb-systemd-helper enable 'app.service'"));
    CHECK(has(s.postinst, "pydeb_action=restart"));
    CHECK(s.preinst.empty()); // keeps running while the upgrade unpacks
    CHECK(has(s.prerm, "[ \"$1\" = remove ]"));
    // postrm: daemon-reload on remove first, then the purge of the enablement state.
    CHECK(s.postrm.find("daemon-reload") < s.postrm.find("deb-systemd-helper purge 'app.service'"));
}

TEST_CASE(
    "deb::render_service_snippets: restart-on-upgrade false stops in preinst, starts in postinst")
{
    ServiceUnit unit{"app.service"};
    unit.restart = UnitRestart::stop_before_upgrade;
    const auto s = render_service_snippets(units({unit})).value();
    CHECK(has(s.preinst, "[ \"$1\" = upgrade ]"));
    CHECK(has(s.preinst, "deb-systemd-invoke stop 'app.service'"));
    CHECK(has(s.postinst, "deb-systemd-invoke start 'app.service'"));
    CHECK_FALSE(has(s.postinst, "pydeb_action=restart"));
}

TEST_CASE("deb::render_service_snippets: templates untouched, --no-enable, units without [Install]")
{
    ServiceUnit off{"b.service"};
    off.enable = UnitEnable::no;
    ServiceUnit bare{"c.service"};
    bare.install = UnitInstallSection::absent;
    const auto s = render_service_snippets(units({{"a@.service"}, off, bare})).value();
    CHECK_FALSE(has(s.postinst + s.prerm + s.postrm, "a@.service"));
    CHECK(has(s.postinst, "deb-systemd-helper debian-installed 'b.service'"));
    CHECK_FALSE(has(s.postinst, "enable 'c.service'")); // never enabled
    CHECK(has(s.postinst, "deb-systemd-invoke $pydeb_action 'b.service' 'c.service'")); // started
}

TEST_CASE("deb::render_scripts puts users and directories before the hooks, services after")
{
    PackageInfo info;
    info.name = "app";
    info.lifecycle.post_install = "echo hook";
    info.services = units({{"app.service"}});
    info.services.accounts.push_back({"app", "app", "/var/lib/app", ""});
    info.services.directories.push_back({"/var/lib/app", "app", "app", 0750});
    const auto scripts = render_scripts(info).value();
    const auto postinst = std::ranges::find(scripts, "postinst", &MaintainerScript::name);
    REQUIRE(postinst != scripts.end());
    const std::string& text = postinst->text;
    CHECK(text.find("systemd-sysusers") < text.find("systemd-tmpfiles"));
    CHECK(text.find("systemd-tmpfiles") < text.find("pydeb_post_install \"$@\""));
    CHECK(text.find("pydeb_post_install \"$@\"") < text.find("deb-systemd-helper enable"));
    CHECK(has(text, "install -d -m 0750 -o 'app' -g 'app' '/var/lib/app'"));
    CHECK(has(text, "useradd --system --gid 'app' --home-dir '/var/lib/app'"));
}
