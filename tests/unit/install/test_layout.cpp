#include "install/interpreter.hpp"
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

// Fixed facts for the pure mapping test: Layout only joins the facts' scheme paths.
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
    // create_venv reads the target's own stdlib (venv/scripts), so the expectations come from the
    // host's real /usr/bin/python3, whatever its version.
    const auto facts = query_interpreter("/usr/bin/python3", pydeb::util::CacheStore::off());
    REQUIRE_MESSAGE(facts.has_value(), "cannot query /usr/bin/python3 (apt-get install python3)");
    const std::string short_version =
        std::to_string(facts->major) + "." + std::to_string(facts->minor);
    const std::string version = short_version + "." + std::to_string(facts->micro);
    const fs::path activate_source = fs::path(facts->stdlib) / "venv/scripts/common/activate";
    REQUIRE_MESSAGE(fs::exists(activate_source),
                    activate_source.string() << " is missing: the venv module's scripts are needed "
                                                "(apt-get install python3-venv)");

    const auto stage = fs::absolute("venv-stage");
    const auto layout = Layout::make(stage, "/opt/venvs/app", *facts);
    const auto written = create_venv(layout, *facts);
    REQUIRE(written.has_value());
    const auto root = stage / "opt/venvs/app";
    const auto cfg = slurp(root / "pyvenv.cfg");
    CHECK(cfg.starts_with("home = /usr/bin\ninclude-system-site-packages = false\n"
                          "version = " +
                          version + "\nexecutable = "));
    // The venv links the versioned interpreter (/usr/bin/python3 is python3.X), so that a
    // python3 of another minor version cannot slip under the venv's compiled extensions.
    const std::string versioned = "/usr/bin/python" + short_version;
    CHECK(facts->executable == versioned);
    CHECK(facts->runnable == "/usr/bin/python3");
    CHECK(cfg.ends_with("command = " + versioned + " -m venv /opt/venvs/app\n"));
    CHECK(fs::read_symlink(root / "bin/python3") == versioned);
    CHECK(fs::read_symlink(root / "bin/python") == "python3");
    CHECK(fs::read_symlink(root / ("bin/python" + short_version)) == "python3");
    CHECK(fs::read_symlink(root / "lib64") == "lib");
    CHECK(fs::is_directory(root / facts->purelib));
    CHECK(facts->purelib == "lib/python" + short_version + "/site-packages");
    const auto activate = slurp(root / "bin/activate");
    CHECK(activate.find("/opt/venvs/app") != std::string::npos);
    CHECK(activate.find("__VENV_") == std::string::npos);
    CHECK(activate.find(stage.string()) == std::string::npos);
    CHECK(fs::exists(root / "bin/activate.fish"));
    CHECK(fs::exists(root / "bin/activate.csh"));
}
