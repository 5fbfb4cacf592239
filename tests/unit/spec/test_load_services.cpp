#include "spec/base_units.hpp"
#include "spec/load.hpp"
#include "spec/unit_file.hpp"
#include "spec_fixture.hpp"

#include <doctest/doctest.h>

using namespace pydeb::spec;

namespace
{

// The valid spec with `extra` appended (services:, users:, directories: sections).
pydeb::Expected<Spec> load_with(std::string_view extra)
{
    write_valid_tree("s");
    write_text("s/pydeb.yaml", std::string(k_valid_spec) + std::string(extra));
    return load("s/pydeb.yaml");
}

std::string error_with(std::string_view extra)
{
    const auto spec = load_with(extra);
    REQUIRE(!spec.has_value());
    return spec.error().message;
}

constexpr std::string_view k_unit = "[Unit]\nDescription=d\n\n[Service]\nExecStart=/bin/true\n\n"
                                    "[Install]\nWantedBy=multi-user.target\n";

} // namespace

TEST_CASE("spec::load reads services, users and directories")
{
    write_text("s/units/job.service", k_unit);
    const auto spec = load_with(R"(users:
  - {name: app, home: /var/lib/app, description: the app}
  - {name: worker, group: app}
directories:
  - {path: /var/lib/app, user: app, mode: "0750", purge: true}
services:
  - name: app
    exec: myapp --serve
    user: app
    environment: {PORT: "8080"}
    restart-on-upgrade: false
  - {unit: units/job.service, enable: false, start: false}
)");
    REQUIRE_MESSAGE(spec.has_value(), spec.error().message);
    REQUIRE(spec->users.size() == 2);
    CHECK(spec->users[0].group == "app");
    CHECK(spec->users[1].group == "app");
    REQUIRE(spec->directories.size() == 1);
    CHECK(spec->directories[0].group == "app");
    CHECK(spec->directories[0].mode == 0750);
    CHECK(spec->directories[0].purge == Purge::yes);
    REQUIRE(spec->services.size() == 2);
    CHECK(spec->services[0].name == "app.service");
    CHECK(spec->services[0].group == "app");
    CHECK(spec->services[0].environment == std::vector<std::string>{"PORT=8080"});
    CHECK(spec->services[0].restart_on_upgrade == RestartOnUpgrade::no);
    CHECK(spec->services[0].exec_where.line == 31);
    CHECK(spec->services[1].name == "job.service");
    CHECK(spec->services[1].install == InstallSection::present);
    CHECK(spec->services[1].enable == Enable::no);
    CHECK(spec->services[1].start == Start::no);
}

TEST_CASE("spec::load refuses a unit file that does not parse, at the unit's line")
{
    write_text("s/bad.service", "[Unit]\nDescription=d\nthis is not an assignment\n[Service]\n");
    CHECK(error_with("services:\n  - {unit: bad.service}\n") ==
          std::filesystem::absolute("s/bad.service").string() +
              ":3:1: expected '[Section]' or 'Key=Value' (systemd.syntax(7)) (the unit of the "
              "service at s/pydeb.yaml:25:12)");
    write_text("s/nosection.socket", "[Unit]\nDescription=d\n");
    CHECK(error_with("services:\n  - {unit: nosection.socket}\n") ==
          std::filesystem::absolute("s/nosection.socket").string() +
              ":2:1: a .socket unit needs a [Socket] section (the unit of the service at "
              "s/pydeb.yaml:25:12)");
}

TEST_CASE(
    "spec::load refuses unknown users, base-system names, restart-on-upgrade without [Install]")
{
    CHECK(error_with("services:\n  - {name: app, exec: myapp, user: nosuch}\n") ==
          "s/pydeb.yaml:25:36: user: unknown user 'nosuch': declare it under 'users' (root and "
          "nobody need no declaration)");
    CHECK(error_with("directories:\n  - {path: /var/lib/app, user: ghost}\n") ==
          "s/pydeb.yaml:25:32: user: 'ghost' is not a user of the base system (root) nor one "
          "declared under 'users'; declare it there");
    CHECK(error_with("services:\n  - {name: cron, exec: myapp}\n") ==
          "s/pydeb.yaml:25:12: 'cron.service' is the name of a unit of the base system; the "
          "package must not replace it, choose another name");
    write_text("s/once.service", "[Service]\nType=oneshot\nExecStart=/bin/true\n");
    CHECK(error_with("services:\n  - {unit: once.service, restart-on-upgrade: false}\n") ==
          "s/pydeb.yaml:25:46: restart-on-upgrade: once.service has no [Install] section, so it "
          "is never enabled or started by the package; drop the key or add [Install]");
    CHECK(error_with("services:\n  - {name: app}\n") ==
          "s/pydeb.yaml:25:5: a service has either 'unit' (a unit file) or 'exec' (a command to "
          "generate one from), not both or neither");
}

TEST_CASE("spec::read_unit follows systemd.syntax(7)")
{
    const auto ok =
        read_unit("# c\n[Service]\nExecStart=/bin/a \\\n  --flag\n; c\n[Install]\n", "service");
    REQUIRE(std::holds_alternative<UnitFacts>(ok));
    CHECK(std::get<UnitFacts>(ok).install == InstallSection::present);
    const auto early = read_unit("ExecStart=/bin/a\n[Service]\n", "service");
    REQUIRE(std::holds_alternative<UnitProblem>(early));
    CHECK(std::get<UnitProblem>(early).line == 1);
    CHECK(std::get<UnitProblem>(early).message == "assignment 'ExecStart' before any [Section]");
    CHECK(std::holds_alternative<UnitProblem>(read_unit("[Service\n", "service")));
}

TEST_CASE("spec::is_base_system_unit knows the base system's units by stem")
{
    CHECK(is_base_system_unit("cron.service"));
    CHECK(is_base_system_unit("getty.service")); // getty.target exists
    CHECK(is_base_system_unit("systemd-anything.service"));
    CHECK_FALSE(is_base_system_unit("myapp.service"));
}
