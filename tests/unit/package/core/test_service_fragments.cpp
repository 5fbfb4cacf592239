#include "package/core/service_fragments.hpp"

#include <doctest/doctest.h>

using namespace pydeb::package;

TEST_CASE("sysusers_fragment and tmpfiles_fragment follow sysusers.d(5) and tmpfiles.d(5)")
{
    ServiceActions services;
    services.accounts = {{"app", "app", "/var/lib/app", "the app"}, {"worker", "staff", "/", ""}};
    services.directories = {{"/var/lib/app", "app", "app", 0750}};
    CHECK(sysusers_fragment(services) ==
          "g staff -\nu app - \"the app\" /var/lib/app\nu worker -:staff - /\n");
    CHECK(tmpfiles_fragment(services) == "d /var/lib/app 0750 app app -\n");
    CHECK(useradd_commands(services, "") ==
          "getent group 'staff' >/dev/null || groupadd --system 'staff'\n"
          "getent group 'app' >/dev/null || groupadd --system 'app'\n"
          "getent passwd 'app' >/dev/null || useradd --system --gid 'app' --home-dir "
          "'/var/lib/app' --no-create-home --shell /usr/sbin/nologin --comment 'the app' 'app'\n"
          "getent passwd 'worker' >/dev/null || useradd --system --gid 'staff' --home-dir '/' "
          "--no-create-home --shell /usr/sbin/nologin --comment '' 'worker'\n");
}
