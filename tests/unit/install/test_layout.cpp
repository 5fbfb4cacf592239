#include "install/layout.hpp"
#include "install/venv.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace pydeb::install;

namespace
{

pydeb::python::InterpreterFacts facts_311()
{
    pydeb::python::InterpreterFacts facts;
    facts.executable = "/usr/bin/python3";
    facts.major = 3;
    facts.minor = 11;
    facts.micro = 2;
    facts.machine = "x86_64";
    facts.purelib = "lib/python3.11/site-packages";
    facts.platlib = "lib/python3.11/site-packages";
    facts.scripts = "bin";
    facts.include = "include/site/python3.11";
    facts.stdlib = "/usr/lib/python3.11";
    return facts;
}

std::string slurp(const fs::path& path)
{
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("install::Layout maps schemes into the venv at its final path")
{
    const auto layout = Layout::make("/stage", "/opt/venvs/app", facts_311());
    CHECK(layout.scheme_directory(Scheme::purelib, "x") == "lib/python3.11/site-packages");
    CHECK(layout.scheme_directory(Scheme::platlib, "x") == "lib/python3.11/site-packages");
    CHECK(layout.scheme_directory(Scheme::scripts, "x") == "bin");
    CHECK(layout.scheme_directory(Scheme::headers, "Demo") == "include/site/python3.11/Demo");
    CHECK(layout.scheme_directory(Scheme::data, "x") == "");
    CHECK(layout.stage_relative("bin/tool") == "opt/venvs/app/bin/tool");
    CHECK(layout.in_stage("bin/tool") == "/stage/opt/venvs/app/bin/tool");
    CHECK(layout.final_python() == "/opt/venvs/app/bin/python");
}

TEST_CASE("install::create_venv lays out CPython's venv with final paths only")
{
    const auto stage = fs::absolute("venv-stage");
    const auto layout = Layout::make(stage, "/opt/venvs/app", facts_311());
    const auto written = create_venv(layout, facts_311());
    REQUIRE(written.has_value());
    const auto root = stage / "opt/venvs/app";
    const auto cfg = slurp(root / "pyvenv.cfg");
    CHECK(cfg.starts_with("home = /usr/bin\ninclude-system-site-packages = false\n"
                          "version = 3.11.2\nexecutable = "));
    CHECK(cfg.ends_with("command = /usr/bin/python3 -m venv /opt/venvs/app\n"));
    CHECK(fs::read_symlink(root / "bin/python3") == "/usr/bin/python3");
    CHECK(fs::read_symlink(root / "bin/python") == "python3");
    CHECK(fs::read_symlink(root / "bin/python3.11") == "python3");
    CHECK(fs::read_symlink(root / "lib64") == "lib");
    CHECK(fs::is_directory(root / "lib/python3.11/site-packages"));
    if (fs::exists("/usr/lib/python3.11/venv/scripts/common/activate"))
    {
        const auto activate = slurp(root / "bin/activate");
        CHECK(activate.find("/opt/venvs/app") != std::string::npos);
        CHECK(activate.find("__VENV_") == std::string::npos);
        CHECK(activate.find(stage.string()) == std::string::npos);
        CHECK(fs::exists(root / "bin/activate.fish"));
        CHECK(fs::exists(root / "bin/activate.csh"));
    }
}
