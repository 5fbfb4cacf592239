#include "depmap/debian_version.hpp"

#include <doctest/doctest.h>

using pydeb::depmap::compare_debian_versions;

TEST_CASE("depmap::compare_debian_versions follows dpkg's order")
{
    // Cases checked with `dpkg --compare-versions A lt B`.
    CHECK(compare_debian_versions("1.0", "1.0") == 0);
    CHECK(compare_debian_versions("1.0~rc1", "1.0") < 0);
    CHECK(compare_debian_versions("1.0", "1.0+b1") < 0);
    CHECK(compare_debian_versions("1:1.0", "2.0") > 0);
    CHECK(compare_debian_versions("1:1.2.13.dfsg", "1:1.1.4") > 0);
    CHECK(compare_debian_versions("2.34", "2.4") > 0);
    CHECK(compare_debian_versions("1.0-1", "1.0-10") < 0);
    CHECK(compare_debian_versions("1.0a", "1.0-1") > 0);
    CHECK(compare_debian_versions("1.0", "1.0.0") < 0);
    CHECK(compare_debian_versions("3.0.0~~", "3.0.0~") < 0);
    CHECK(compare_debian_versions("010", "10") == 0);
    CHECK(compare_debian_versions("1.0-1", "1.0") > 0);
}

TEST_CASE("depmap::compare_debian_versions ends a version at a NUL byte, as dpkg's C strings do")
{
    // A NUL inside a minver of a damaged symbols file looped forever (tests/fuzz/fuzz_symbols.cpp,
    // regression tests/fuzz/regressions/symbols/nul-in-minver).
    using namespace std::string_view_literals;
    CHECK(compare_debian_versions("1.0\0a"sv, "1.0\0b"sv) == 0);
    CHECK(compare_debian_versions("1.0\0"sv, "1.1"sv) < 0);
    CHECK(compare_debian_versions("a\0z"sv, "a"sv) == 0);
}
