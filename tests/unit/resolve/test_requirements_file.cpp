#include "resolve/requirements_file.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace pydeb::resolve;

namespace
{

void write(const std::filesystem::path& path, const std::string& text)
{
    std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path());
    std::ofstream(path) << text;
}

std::string names(const std::vector<pydeb::python::Requirement>& requirements)
{
    std::string text;
    for (const auto& requirement : requirements)
    {
        text += requirement.to_string() + "|";
    }
    return text;
}

} // namespace

TEST_CASE("resolve::read_requirements_file")
{
    write("req/requirements.txt", "# top comment\n"
                                  "\n"
                                  "flask>=2 # inline comment\n"
                                  "requests[socks] \\\n"
                                  "   >=2.28\n"
                                  "-r sub/more.txt\n"
                                  "colorama; sys_platform == 'win32'\n");
    write("req/sub/more.txt", "--requirement=deeper.txt\nPyYAML\n");
    write("req/sub/deeper.txt", "psycopg2\n");
    const auto requirements = read_requirements_file("req/requirements.txt");
    REQUIRE(requirements);
    CHECK(names(*requirements) == "flask>=2|requests[socks]>=2.28|psycopg2|PyYAML|"
                                  "colorama; sys_platform == \"win32\"|");
}

TEST_CASE("resolve::read_requirements_file errors")
{
    write("e/index.txt", "flask\n--index-url https://example.org/simple\n");
    auto result = read_requirements_file("e/index.txt");
    REQUIRE_FALSE(result);
    CHECK(result.error().message ==
          "e/index.txt:2: option --index-url is not supported: pydeb resolves from the "
          "wheelhouse only and takes nothing but requirements and -r includes; remove the line");

    write("e/hash.txt", "flask==2.2.2 \\\n    --hash=sha256:abc\n");
    result = read_requirements_file("e/hash.txt");
    REQUIRE_FALSE(result);
    CHECK(result.error().message.starts_with("e/hash.txt:1: per-requirement options"));

    write("e/bad.txt", "\n\nflask >=\n");
    result = read_requirements_file("e/bad.txt");
    REQUIRE_FALSE(result);
    CHECK(result.error().message.starts_with("e/bad.txt:3: "));

    write("e/outer.txt", "a\n-r inner.txt\n");
    write("e/inner.txt", "b\n-r missing.txt\n");
    result = read_requirements_file("e/outer.txt");
    REQUIRE_FALSE(result);
    CHECK(result.error().message.starts_with("e/outer.txt:2: e/inner.txt:2: e/missing.txt"));

    write("e/loop.txt", "-r loop.txt\n");
    result = read_requirements_file("e/loop.txt");
    REQUIRE_FALSE(result);
    CHECK(result.error().message ==
          "e/loop.txt:1: e/loop.txt: included again from itself (an -r cycle)");
}
