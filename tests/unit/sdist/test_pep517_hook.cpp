#include "sdist/pep517_hook.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;
using namespace pydeb::sdist;

TEST_CASE("sdist::tail_lines keeps the last lines of a backend's output")
{
    CHECK(tail_lines("a\nb\nc\n", 2) == "b\nc");
    CHECK(tail_lines("a\nb\nc", 5) == "a\nb\nc");
    CHECK(tail_lines("", 3).empty());
    CHECK(tail_lines("only\n\n", 1) == "only");
}

TEST_CASE("sdist::hook_arguments: the driver's command line, backend-path against the project")
{
    pydeb::spec::BuildSystem system;
    system.backend = "backend:api";
    system.backend_path = {"_build", "./tools/../x"};
    const auto arguments = hook_arguments("/w/build_hook.py", "build_wheel", system, "/w/source",
                                          "/w/result/out", "/w/wheels");
    CHECK(arguments == std::vector<std::string>{"/w/build_hook.py", "build_wheel", "backend:api",
                                                "/w/result/out", "/w/wheels", "/w/source/_build",
                                                "/w/source/x"});
}

TEST_CASE("sdist::returned_wheel takes only a file the backend wrote into the wheel directory")
{
    const fs::path dir = fs::current_path() / "wheels";
    fs::create_directories(dir);
    std::ofstream(dir / "app-1.0-py3-none-any.whl") << "zip";
    const auto wheel = returned_wheel("app-1.0-py3-none-any.whl\n", dir, "the project", "b:k");
    REQUIRE(wheel);
    CHECK(*wheel == dir / "app-1.0-py3-none-any.whl");
    for (const char* answer : {"", "missing-1.0-py3-none-any.whl", "../wheels/app-1.0-py3-none-any.whl"})
    {
        const auto refused = returned_wheel(answer, dir, "the project", "b:k");
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.starts_with("building the project: the backend b:k returned '"));
    }
}
