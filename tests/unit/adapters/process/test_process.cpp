#include "adapters/process/process.hpp"

#include <doctest/doctest.h>
#include <filesystem>

using namespace pydeb::adapters;

TEST_CASE("adapters::run_process captures both streams and the exit code")
{
    const auto result =
        run_process("/bin/sh", {"-c", "echo out; echo err >&2; printf '%s' \"$PYDEB_X\"; exit 3"},
                    {{{"PYDEB_X", "set"}}, {}});
    REQUIRE(result.has_value());
    CHECK(result->exit_code == 3);
    CHECK_FALSE(result->succeeded());
    CHECK(result->standard_output == "out\nset");
    CHECK(result->standard_error == "err\n");
}

TEST_CASE("adapters::run_process: large outputs on both pipes do not deadlock")
{
    const auto result =
        run_process("/bin/sh", {"-c", "head -c 1000000 /dev/zero; head -c 1000000 /dev/zero >&2"});
    REQUIRE(result.has_value());
    CHECK(result->standard_output.size() == 1000000);
    CHECK(result->standard_error.size() == 1000000);
}

TEST_CASE("adapters::run_process: environment removal, working directory, PATH lookup")
{
    std::filesystem::create_directories("work dir");
    const auto result =
        run_process("sh", {"-c", "pwd; echo \"${HOME-unset}\""},
                    {{{"HOME", std::nullopt}}, std::filesystem::absolute("work dir")});
    REQUIRE(result.has_value());
    CHECK(result->standard_output.ends_with("/work dir\nunset\n"));
}

TEST_CASE("adapters::run_process: a missing program is an error, not a result")
{
    const auto missing = run_process("pydeb-no-such-program", {});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message.find("pydeb-no-such-program") != std::string::npos);
    CHECK_FALSE(run_process("/nonexistent/bin/tool", {}).has_value());
    CHECK(describe_command("/bin/echo", {"a b", "c"}) == "'/bin/echo' 'a b' 'c'");
}
