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
