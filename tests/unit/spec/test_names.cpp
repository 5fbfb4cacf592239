#include "spec/names.hpp"

#include <doctest/doctest.h>

using namespace pydeb::spec;

TEST_CASE("spec::check_package_name follows Debian Policy 5.6.1")
{
    CHECK_FALSE(check_package_name("myapp").has_value());
    CHECK_FALSE(check_package_name("python3-foo.bar+2").has_value());
    CHECK(check_package_name("a").has_value());
    CHECK(check_package_name("-app").has_value());
    CHECK(check_package_name("my_app").has_value());
}

TEST_CASE("spec::check_version and check_release suit both dpkg and rpm")
{
    CHECK_FALSE(check_version("1.0").has_value());
    CHECK_FALSE(check_version("2.0~rc1+git20260101").has_value());
    CHECK(check_version("1:1.0").has_value());
    CHECK(check_version("v1").has_value());
    CHECK_FALSE(check_release("1").has_value());
    CHECK_FALSE(check_release("0.1~beta").has_value());
    CHECK(check_release("").has_value());
}

TEST_CASE("spec::check_maintainer, check_absolute_path, check_command_name")
{
    CHECK_FALSE(check_maintainer("Jane Doe <jane@example.com>").has_value());
    CHECK(check_maintainer("jane@example.com").has_value());
    CHECK(check_maintainer("<jane@example.com>").has_value());
    CHECK_FALSE(check_absolute_path("/opt/venvs/app").has_value());
    CHECK(check_absolute_path("/opt/../etc").has_value());
    CHECK(check_absolute_path("/opt//x").has_value());
    CHECK(check_absolute_path("/opt/x/").has_value());
    CHECK_FALSE(check_command_name("my-app.py").has_value());
    CHECK(check_command_name("../x").has_value());
}
