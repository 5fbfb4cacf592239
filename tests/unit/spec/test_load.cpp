#include "spec/load.hpp"
#include "spec_fixture.hpp"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using namespace pydeb::spec;

TEST_CASE("spec::load reads every key of a valid spec")
{
    write_valid_tree("ok");
    const auto spec = load("ok/pydeb.yaml");
    REQUIRE_MESSAGE(spec.has_value(), spec.error().message);
    CHECK(spec->name == "myapp");
    CHECK(spec->version == "1.0");
    CHECK(spec->release == "2");
    CHECK(spec->description == "Longer text.\n");
    CHECK(spec->prefix == "/opt/venvs/myapp");
    REQUIRE(spec->requirements.size() == 2);
    CHECK(spec->requirements[1].text == "requests[socks] ; python_version >= '3.8'");
    CHECK(spec->requirements[1].where.line == 13);
    REQUIRE(spec->wheelhouses.size() == 1);
    CHECK(spec->wheelhouses[0] == fs::absolute("ok/wheels").lexically_normal());
    CHECK(spec->bytecode == Bytecode::install);
    CHECK(spec->entry_points == std::vector<std::string>{"myapp"});
    REQUIRE(spec->files.size() == 1);
    CHECK(spec->files[0].kind == FileKind::config);
    CHECK(spec->files[0].mode == 0640);
    CHECK(spec->files[0].dest == "/etc/myapp/app.conf");
    CHECK(spec->hooks.post_install == fs::absolute("ok/hooks/postinst.sh").lexically_normal());
    CHECK(spec->deb.depends == std::vector<std::string>{"libpq5"});
    CHECK(spec->deb.section == "net");
    CHECK(spec->rpm.requires_ == std::vector<std::string>{"postgresql-libs"});
    CHECK(spec->formats == std::vector<Format>{Format::deb});
    CHECK(spec->compression == Compression::xz);
    CHECK(spec->lockfile == fs::absolute("ok/pydeb.lock").lexically_normal());
}

TEST_CASE("spec::load applies defaults and lets the spec win over them")
{
    write_text("d/pydeb.yaml", "license: MIT\nsummary: s\ninstall: {requirements: [six]}\n");
    // description comes from the defaults here (dh_pydeb takes it from debian/control).
    Defaults defaults;
    defaults.name = "fromcontrol";
    defaults.version = "2.0";
    defaults.maintainer = "A B <a@b.c>";
    defaults.description = "From debian/control.";
    const auto spec = load("d/pydeb.yaml", defaults);
    REQUIRE_MESSAGE(spec.has_value(), spec.error().message);
    CHECK(spec->name == "fromcontrol");
    CHECK(spec->prefix == "/opt/venvs/fromcontrol");
    CHECK(spec->release == "1");
    CHECK(spec->interpreter == "/usr/bin/python3");
    CHECK(spec->formats == std::vector<Format>{Format::deb, Format::rpm});
    CHECK(spec->compression == Compression::zstd);
    CHECK(spec->bytecode == Bytecode::build);
    CHECK(spec->strip == Strip::yes);
}
