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

TEST_CASE("spec::load resolves relative paths against Defaults::base_dir (dh: the source root)")
{
    // debian/pydeb.yaml of a source package: "project: ." and "requirements-file" name files at
    // the package root, as every debhelper file does, not under debian/.
    write_text("pkg/pyproject.toml", "[project]\nname = 'x'\n");
    write_text("pkg/requirements.txt", "six\n");
    fs::create_directories("pkg/wheels");
    write_text("pkg/debian/pydeb.yaml", "install:\n  project: .\n  requirements-file: "
                                        "requirements.txt\n  wheelhouse: wheels/\n");
    Defaults defaults;
    defaults.name = "xy";
    defaults.version = "1.0";
    defaults.header_keys = HeaderKeys::optional;
    defaults.base_dir = "pkg";
    const auto spec = load("pkg/debian/pydeb.yaml", defaults);
    REQUIRE_MESSAGE(spec.has_value(), spec.error().message);
    CHECK(spec->project == fs::absolute("pkg").lexically_normal());
    CHECK(spec->requirements_file == fs::absolute("pkg/requirements.txt").lexically_normal());
    CHECK(spec->wheelhouses == std::vector<fs::path>{fs::absolute("pkg/wheels").lexically_normal()});
    CHECK(spec->lockfile == fs::absolute("pkg/debian/pydeb.lock").lexically_normal()); // beside it
    CHECK(spec->license.empty()); // optional when dh_gencontrol writes the header
    CHECK(spec->summary.empty());

    // Without a base directory (pydeb build): against the spec's directory, and it says so.
    defaults.base_dir.reset();
    const auto standalone = load("pkg/debian/pydeb.yaml", defaults);
    REQUIRE_FALSE(standalone);
    CHECK(standalone.error().message.find(
              "requirements-file: file not found: " +
              fs::absolute("pkg/debian/requirements.txt").lexically_normal().string()) !=
          std::string::npos);
    CHECK(standalone.error().message.find(", the spec's directory)") != std::string::npos);
}

TEST_CASE("spec::load requires the header keys only when pydeb writes the package")
{
    write_text("h/pydeb.yaml", "install: {requirements: [six]}\n");
    Defaults defaults;
    defaults.name = "xy";
    defaults.version = "1.0";
    const auto strict = load("h/pydeb.yaml", defaults);
    REQUIRE_FALSE(strict);
    CHECK(strict.error().message.find("missing required key 'license'") != std::string::npos);
    CHECK(strict.error().message.find("missing required key 'description'") != std::string::npos);

    defaults.header_keys = HeaderKeys::optional;
    defaults.license = "MIT";
    defaults.maintainer = "Build Team"; // rpm's Packager: free-form, dropped rather than refused
    const auto lenient = load("h/pydeb.yaml", defaults);
    REQUIRE_MESSAGE(lenient.has_value(), lenient.error().message);
    CHECK(lenient->license == "MIT");
    CHECK(lenient->maintainer.empty());

    defaults.name = "Bad_Name"; // a defaulted value is still checked, and the message says whence
    const auto bad = load("h/pydeb.yaml", defaults);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("the value 'Bad_Name' came from the packaging") !=
          std::string::npos);
}
