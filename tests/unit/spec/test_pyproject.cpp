#include "spec/pyproject.hpp"
#include "spec_fixture.hpp"

#include <doctest/doctest.h>

using namespace pydeb::spec;

TEST_CASE("read_project_table takes the PEP 621 defaults")
{
    write_text("p/README.rst", "Long text.\n");
    write_text("p/pyproject.toml", R"([project]
name = "My_App.Two"
dynamic = ["version"]
description = "One line"
readme = {file = "README.rst", content-type = "text/x-rst"}
license = "Apache-2.0"
authors = [{name = "Only Name"}, {name = "A B", email = "a@b.example"}]
urls = {Source = "https://s.example", HOMEPAGE = "https://h.example"}
scripts = {zeta = "m:z", alpha = "m:a"}
)");
    const auto table = read_project_table("p/pyproject.toml");
    REQUIRE(table.has_value());
    REQUIRE(table->has_value());
    const ProjectTable& t = **table;
    CHECK(t.name == "my-app-two");
    CHECK_FALSE(t.version.has_value());
    CHECK(t.dynamic == std::set<std::string>{"version"});
    CHECK(t.summary == "One line");
    CHECK(t.description == "Long text.");
    CHECK(t.license == "Apache-2.0");
    CHECK(t.maintainer == "A B <a@b.example>");
    CHECK(t.homepage == "https://h.example");
    CHECK(t.scripts == std::vector<std::string>{"alpha", "zeta"});
}

TEST_CASE("read_project_table: no [project] table, bad TOML, a missing readme")
{
    write_text("q/pyproject.toml", "[build-system]\nrequires = []\n");
    const auto none = read_project_table("q/pyproject.toml");
    REQUIRE(none.has_value());
    CHECK_FALSE(none->has_value());

    write_text("r/pyproject.toml", "[project]\nname = \"x\"\nversion = 1.0.0\n");
    const auto bad = read_project_table("r/pyproject.toml");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.starts_with("r/pyproject.toml:3:"));
    CHECK(bad.error().message.find("invalid TOML") != std::string::npos);

    write_text("s/pyproject.toml", "[project]\nname = \"x\"\nreadme = \"NOPE.md\"\n");
    const auto missing = read_project_table("s/pyproject.toml");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message ==
          "s/pyproject.toml:3:10: project.readme names s/NOPE.md, which cannot be read");
}

TEST_CASE("read_build_system: PEP 517/518 tables, and the setuptools fallback")
{
    // No pyproject.toml, or one without [build-system]: setuptools' legacy backend (PEP 517).
    std::filesystem::create_directories("legacy");
    const auto legacy = read_build_system("legacy");
    REQUIRE(legacy.has_value());
    CHECK(legacy->requires_ == std::vector<std::string>{"setuptools>=40.8.0", "wheel"});
    CHECK(legacy->backend == "setuptools.build_meta:__legacy__");
    write_text("noble/pyproject.toml", "[project]\nname = \"x\"\n");
    CHECK(read_build_system("noble")->backend == "setuptools.build_meta:__legacy__");

    write_text("flit/pyproject.toml", R"([build-system]
requires = ["flit_core >=3.2,<4"]
build-backend = "flit_core.buildapi"
backend-path = ["_build"]
)");
    const auto flit = read_build_system("flit");
    REQUIRE(flit.has_value());
    CHECK(flit->requires_ == std::vector<std::string>{"flit_core >=3.2,<4"});
    CHECK(flit->backend == "flit_core.buildapi");
    CHECK(flit->backend_path == std::vector<std::string>{"_build"});

    // A table without build-backend: the legacy backend with the table's requirements.
    write_text("old/pyproject.toml", "[build-system]\nrequires = [\"setuptools\", \"cython\"]\n");
    CHECK(read_build_system("old")->requires_ == std::vector<std::string>{"setuptools", "cython"});
    CHECK(read_build_system("old")->backend == "setuptools.build_meta:__legacy__");

    write_text("bad/pyproject.toml", "[build-system]\nrequires = \"setuptools\"\n");
    const auto bad = read_build_system("bad");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message == "bad/pyproject.toml:2:12: build-system.requires must be a list of strings");
}
