#include "util/strings.hpp"

#include <doctest/doctest.h>

using namespace pydeb::util;

TEST_CASE("util::shell_quote closes and escapes embedded single quotes")
{
    CHECK(shell_quote("plain") == "'plain'");
    CHECK(shell_quote("it's") == "'it'\\''s'");
    CHECK(shell_quote("$(rm -rf /)") == "'$(rm -rf /)'");
    CHECK(shell_quote("") == "''");
}

TEST_CASE("util::split keeps empty fields")
{
    CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
    CHECK(split("", ',') == std::vector<std::string>{""});
}

TEST_CASE("util::trim and to_lower")
{
    CHECK(trim("  x y \n") == "x y");
    CHECK(to_lower("Flask-SQLAlchemy") == "flask-sqlalchemy");
}

TEST_CASE("util::edit_distance")
{
    CHECK(edit_distance("requirements", "requirments") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("util::percent_decode (RFC 3986 §2.1)")
{
    CHECK(percent_decode("foo-1.0%2Blocal-py3-none-any.whl") == "foo-1.0+local-py3-none-any.whl");
    CHECK(percent_decode("a%2fb%2Fc") == "a/b/c");
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%zz%4") == "%zz%4");
}
