#include "python/marker.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::python;

namespace
{

// Debian bookworm's python3.11 on x86_64, as the target interpreter reports it.
MarkerEnvironment bookworm()
{
    MarkerEnvironment env;
    env.implementation_name = "cpython";
    env.implementation_version = "3.11.2";
    env.os_name = "posix";
    env.platform_machine = "x86_64";
    env.platform_python_implementation = "CPython";
    env.platform_release = "6.1.0-18-amd64";
    env.platform_system = "Linux";
    env.platform_version = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)";
    env.python_full_version = "3.11.2";
    env.python_version = "3.11";
    env.sys_platform = "linux";
    return env;
}

bool eval(std::string_view text, const std::set<std::string>& extras = {})
{
    const auto marker = Marker::parse(text);
    REQUIRE_MESSAGE(marker.has_value(), std::string(text));
    return marker->evaluate(bookworm(), extras);
}

std::string canonical(std::string_view text)
{
    const auto marker = Marker::parse(text);
    REQUIRE_MESSAGE(marker.has_value(), std::string(text));
    return marker->to_string();
}

} // namespace

TEST_CASE("python::Marker compares python versions as PEP 440 versions")
{
    CHECK(eval("python_version >= '3.8'"));
    CHECK(eval("python_version > '3.9'")); // "3.11" > "3.9" as versions, not as strings
    CHECK_FALSE(eval("python_version < '3.9'"));
    CHECK(eval("python_version == '3.11'"));
    CHECK(eval("python_version == '3.11.*'"));
    CHECK(eval("python_version ~= '3.10'"));
    CHECK_FALSE(eval("python_version ~= '3.12'"));
    CHECK(eval("python_full_version >= '3.11.0rc1'"));
    CHECK(eval("python_full_version < '3.12.0a1'"));
    CHECK(eval("'3.8' <= python_version"));
    CHECK(eval("python_version != '2.7'"));
    CHECK(eval("python_version === '3.11'"));
}

TEST_CASE("python::Marker compares other variables as strings")
{
    CHECK_FALSE(eval("platform_system == \"Windows\""));
    CHECK(eval("platform_system == \"Linux\""));
    CHECK(eval("sys_platform == 'linux'"));
    CHECK(eval("sys_platform != 'win32'"));
    CHECK(eval("os_name == 'posix'"));
    CHECK(eval("platform_machine in 'x86_64 aarch64'"));
    CHECK_FALSE(eval("platform_machine not in 'x86_64 aarch64'"));
    CHECK(eval("'linux' in sys_platform"));
    CHECK(eval("implementation_name == 'cpython'"));
    CHECK(eval("platform_python_implementation == 'CPython'"));
    CHECK(eval("'Debian' in platform_version"));
    CHECK(eval("platform_release >= '5'")); // "6.1.0-18-amd64" is no version: string order
    CHECK_FALSE(eval("platform_system ~= 'Linux'"));
    // Legacy spellings packaging still accepts.
    CHECK(eval("os.name == 'posix'"));
    CHECK(eval("sys.platform == 'linux'"));
    CHECK(eval("platform.machine == 'x86_64'"));
    CHECK(eval("python_implementation == 'CPython'"));
}

TEST_CASE("python::Marker evaluates extras with PEP 685 normalization")
{
    CHECK(eval("extra == 'security'", {"security"}));
    CHECK_FALSE(eval("extra == 'security'"));
    CHECK_FALSE(eval("extra == 'security'", {"socks"}));
    CHECK(eval("extra == 'security'", {"socks", "security"}));
    CHECK(eval("extra == 'Foo_Bar'", {"foo-bar"}));
    CHECK(eval("extra == 'foo.bar'", {"Foo__Bar"}));
    CHECK(eval("'security' == extra", {"security"}));
    CHECK(eval("extra != 'security'"));
    CHECK_FALSE(eval("extra != 'security'", {"security"}));
    CHECK(eval("python_version >= '3' and extra == 'socks'", {"socks"}));
    CHECK(Marker::parse("extra == 'socks'")->mentions_extra());
    CHECK_FALSE(Marker::parse("python_version >= '3'")->mentions_extra());
}

TEST_CASE("python::Marker boolean structure: and binds tighter than or")
{
    CHECK(eval("os_name == 'nt' or python_version >= '3'"));
    CHECK_FALSE(eval("os_name == 'nt' and python_version >= '3'"));
    CHECK(eval("os_name == 'nt' and sys_platform == 'win32' or sys_platform == 'linux'"));
    CHECK(eval("sys_platform == 'linux' or os_name == 'nt' and sys_platform == 'win32'"));
    CHECK_FALSE(eval("(sys_platform == 'linux' or os_name == 'nt') and sys_platform == 'win32'"));
    CHECK(eval("((python_version >= '3.0'))"));
    CHECK(eval("python_version >= '3' and (os_name == 'nt' or (os_name == 'posix'))"));
}

TEST_CASE("python::Marker prints a canonical form")
{
    CHECK(canonical("python_version>='3.8'") == "python_version >= \"3.8\"");
    CHECK(canonical("os.name=='posix'") == "os_name == \"posix\"");
    CHECK(canonical("python_implementation=='CPython'") ==
          "platform_python_implementation == \"CPython\"");
    CHECK(canonical("extra == 'Foo_Bar'") == "extra == \"foo-bar\"");
    CHECK(canonical("'linux'in sys_platform") == "\"linux\" in sys_platform");
    CHECK(canonical("os_name not   in 'nt'") == "os_name not in \"nt\"");
    CHECK(canonical("((python_version >= '3'))") == "python_version >= \"3\"");
    CHECK(canonical("(os_name == 'a' or os_name == 'b') and python_version >= '3'") ==
          "(os_name == \"a\" or os_name == \"b\") and python_version >= \"3\"");
    CHECK(canonical("os_name == 'a' and (python_version >= '3')") ==
          "os_name == \"a\" and python_version >= \"3\"");
    CHECK(canonical("os_name == 'a' and ((os_name == 'b' or os_name == 'c'))") ==
          "os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")");
    CHECK(canonical("platform_version == 'say \"hi\"'") == "platform_version == 'say \"hi\"'");
    CHECK(*Marker::parse("os_name=='nt'") == *Marker::parse("os_name == \"nt\""));
}

TEST_CASE("python::Marker rejects malformed markers and says where")
{
    for (const char* text : {"", "python_version", "python_version >=", "python_version = '3'",
                             "unknown_var == '1'", "os_name == 'nt' and",
                             "os_name == 'nt' xor "
                             "os_name == 'a'",
                             "(os_name == 'nt'", "os_name == 'nt')", "os_name == \"nt",
                             "os_name not 'nt'", "os_name == nt"})
    {
        const std::string shown = text;
        CAPTURE(shown);
        CHECK_FALSE(Marker::parse(text).has_value());
    }
    CHECK(Marker::parse("python_version = '3'").error().message ==
          "invalid marker 'python_version = '3'': expected a marker operator, one of <=, <, !=, "
          "==, >=, >, ~=, ===, in, not in at column 16");
    CHECK(Marker::parse("os_name == 'nt' and").error().message ==
          "invalid marker 'os_name == 'nt' and': expected a marker variable (python_version, "
          "sys_platform, extra, ...) or a quoted string at column 20");
}
