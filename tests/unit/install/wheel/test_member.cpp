#include "install/wheel/member.hpp"

#include <doctest/doctest.h>

using namespace pydeb::install;

TEST_CASE("install::check_member_name refuses unsafe paths")
{
    CHECK(check_member_name("demo/__init__.py").has_value());
    CHECK(check_member_name("demo/").has_value());
    CHECK(check_member_name("進入點/模組.py").has_value());
    for (const char* bad :
         {"/tmp/example", "../example", "./../example", "a/../../b", "a/./b", "bad\\win.py",
          "C:/evil.py", "c:evil", "a//b", "", "new\nline", "\xff\xfe.py"})
    {
        CAPTURE(bad);
        CHECK_FALSE(check_member_name(bad).has_value());
    }
    CHECK(check_member_name("../x").error().message.find("outside the target directory") !=
          std::string::npos);
}

TEST_CASE("install::is_pycache_member")
{
    CHECK(is_pycache_member("demo/__pycache__/x.cpython-311.pyc"));
    CHECK(is_pycache_member("__pycache__/x.pyc"));
    CHECK_FALSE(is_pycache_member("demo/not__pycache__/x.py"));
}

TEST_CASE("install::classify_member spreads .data by scheme key")
{
    const auto root = classify_member("demo/x.py", "demo-1.0.data", RootIsPurelib::yes);
    REQUIRE(root.has_value());
    CHECK(root->scheme == Scheme::purelib);
    CHECK(root->relative == "demo/x.py");
    CHECK(classify_member("demo/x.py", "demo-1.0.data", RootIsPurelib::no)->scheme ==
          Scheme::platlib);

    const auto purelib =
        classify_member("demo-1.0.data/purelib/info.txt", "demo-1.0.data", RootIsPurelib::no);
    CHECK(purelib->scheme == Scheme::purelib);
    CHECK(purelib->relative == "info.txt");
    CHECK(classify_member("demo-1.0.data/headers/header.h", "demo-1.0.data", RootIsPurelib::yes)
              ->scheme == Scheme::headers);
    const auto data =
        classify_member("demo-1.0.data/data/share/demo/x.txt", "demo-1.0.data", RootIsPurelib::yes);
    CHECK(data->scheme == Scheme::data);
    CHECK(data->relative == "share/demo/x.txt");
    CHECK(classify_member("demo-1.0.data/scripts/tool", "demo-1.0.data", RootIsPurelib::yes)
              ->scheme == Scheme::scripts);

    const auto unknown =
        classify_member("demo-1.0.data/unknown/hello.txt", "demo-1.0.data", RootIsPurelib::yes);
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().message.find("unknown scheme key 'unknown'") != std::string::npos);
    CHECK_FALSE(
        classify_member("demo-1.0.data/purelib", "demo-1.0.data", RootIsPurelib::yes).has_value());
    CHECK_FALSE(
        classify_member("demo-1.0.data/file.txt", "demo-1.0.data", RootIsPurelib::yes).has_value());
    // Another project's .data directory is not ours to spread.
    CHECK(classify_member("other-2.0.data/purelib/x", "demo-1.0.data", RootIsPurelib::yes)
              ->relative == "other-2.0.data/purelib/x");
}

TEST_CASE("install::is_reserved_script_name")
{
    for (const char* name :
         {"python", "python3", "python3.11", "python3.13t", "pythonw", "pypy3", "graalpy"})
    {
        CAPTURE(name);
        CHECK(is_reserved_script_name(name));
    }
    for (const char* name : {"python-tool", "python3.x", "ipython", "tool"})
    {
        CAPTURE(name);
        CHECK_FALSE(is_reserved_script_name(name));
    }
}
