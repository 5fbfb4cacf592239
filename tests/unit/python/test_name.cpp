#include "python/name.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::python;

TEST_CASE("python::normalize_name follows PEP 503")
{
    // The spec's own example: all of these are "friendly-bard".
    for (const char* name : {"friendly-bard", "Friendly-Bard", "FRIENDLY-BARD", "friendly.bard",
                             "friendly_bard", "friendly--bard", "FrIeNdLy-._.-bArD"})
    {
        const std::string shown = name;
        CAPTURE(shown);
        CHECK(normalize_name(name) == "friendly-bard");
    }
    CHECK(normalize_name("Foo.Bar__baz") == "foo-bar-baz");
    CHECK(normalize_name("zope.interface") == "zope-interface");
    CHECK(normalize_name("a") == "a");
}

TEST_CASE("python::wheel_escape_name follows PEP 427")
{
    CHECK(wheel_escape_name("Foo.Bar") == "foo_bar");
    CHECK(wheel_escape_name("foo-bar") == "foo_bar");
    CHECK(wheel_escape_name("foo--._bar") == "foo_bar");
    CHECK(wheel_escape_name("zope.interface") == "zope_interface");
}

TEST_CASE("python::is_valid_project_name follows the PEP 508 identifier grammar")
{
    for (const char* name :
         {"a", "A1", "requests", "zope.interface", "foo-bar_baz", "9x", "a.b-c_d"})
    {
        const std::string shown = name;
        CAPTURE(shown);
        CHECK(is_valid_project_name(name));
    }
    for (const char* name : {"", "-a", "a-", "_a", "a_", ".a", "a.", "a b", "café", "a/b", "a+b"})
    {
        const std::string shown = name;
        CAPTURE(shown);
        CHECK_FALSE(is_valid_project_name(name));
    }
}
