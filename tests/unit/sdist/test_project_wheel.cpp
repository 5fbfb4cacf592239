#include "sdist/project_wheel.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;

TEST_CASE("sdist::build_project_wheel names the project's pyproject.toml when it is invalid")
{
    const fs::path project = fs::current_path() / "project";
    fs::create_directories(project);
    std::ofstream(project / "pyproject.toml") << "[build-system]\nrequires = 3\n";
    pydeb::python::InterpreterFacts facts;
    facts.executable = "/nonexistent/python3";
    const auto built = pydeb::sdist::build_project_wheel(project, facts, fs::current_path() / "out");
    REQUIRE_FALSE(built);
    const std::string& message = built.error().message;
    CHECK(message.starts_with("building the wheel of " + project.string() + ": " +
                              (project / "pyproject.toml").string() + ":2:"));
    // Nothing was run and nothing written into the project.
    CHECK_FALSE(fs::exists(project / "build"));
}
