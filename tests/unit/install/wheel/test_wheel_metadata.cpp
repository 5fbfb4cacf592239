#include "install/wheel/wheel_metadata.hpp"

#include <doctest/doctest.h>

using namespace pydeb::install;

TEST_CASE("install::parse_wheel_file checks Wheel-Version (wheel spec: warn minor, abort major)")
{
    std::vector<std::string> warnings;
    const auto ok = parse_wheel_file(
        "Wheel-Version: 1.0\nGenerator: bdist_wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        warnings);
    REQUIRE(ok.has_value());
    CHECK(ok->root_is_purelib == RootIsPurelib::yes);
    CHECK(ok->tags == std::vector<std::string>{"py3-none-any"});
    CHECK(warnings.empty());

    CHECK(parse_wheel_file("Wheel-Version: 1.9\n", warnings).has_value());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("newer Wheel-Version (1.9)") != std::string::npos);

    for (const char* bad : {"Wheel-Version: 2.0\n", "Wheel-Version: 3.0\n", "Wheel-Version: abc\n",
                            "Generator: x\n", "Wheel-Version: 1\n"})
    {
        CAPTURE(bad);
        CHECK_FALSE(parse_wheel_file(bad, warnings).has_value());
    }
    CHECK(parse_wheel_file("Generator: x\n", warnings).error().message ==
          "WHEEL is missing Wheel-Version");
    // PEP 427 refuses only a newer *major* version: 0.x wheels (early bdist_wheel) install,
    // without the newer-minor warning.
    warnings.clear();
    for (const char* old_major : {"Wheel-Version: 0.1\n", "Wheel-Version: 0.9\n"})
    {
        CAPTURE(old_major);
        CHECK(parse_wheel_file(old_major, warnings).has_value());
    }
    CHECK(warnings.empty());
    CHECK(parse_wheel_file("Wheel-Version: 2.0\n", warnings).error().message.find(
              "newer major version is refused") != std::string::npos);
    // pip compares Root-Is-Purelib case-insensitively; missing means platlib.
    CHECK(parse_wheel_file("Wheel-Version: 1.0\nroot-is-purelib: True\n", warnings)
              ->root_is_purelib == RootIsPurelib::yes);
    CHECK(parse_wheel_file("Wheel-Version: 1.0\n", warnings)->root_is_purelib == RootIsPurelib::no);
}

TEST_CASE("install::find_dist_info wants exactly one top-level .dist-info")
{
    CHECK(find_dist_info({"demo/__init__.py", "demo-1.0.dist-info/METADATA",
                          "demo-1.0.dist-info/RECORD", "subdir/unrelated-2.0.0.dist-info/X"})
              .value() == "demo-1.0.dist-info");
    const auto two = find_dist_info({"demo-1.0.dist-info/RECORD", "unrelated-2.0.0.dist-info/X"});
    REQUIRE_FALSE(two.has_value());
    CHECK(two.error().message.find("multiple .dist-info directories") != std::string::npos);
    CHECK_FALSE(find_dist_info({"demo/__init__.py"}).has_value());
}

TEST_CASE("install::parse_core_metadata reads Name and Version from the headers only")
{
    const auto metadata = parse_core_metadata(
        "Metadata-Version: 2.1\nName: Foo.Bar\nVersion: 1.0\n\nName: not-a-header\n");
    REQUIRE(metadata.has_value());
    CHECK(metadata->name == "Foo.Bar");
    CHECK(metadata->version == "1.0");
    CHECK_FALSE(parse_core_metadata("Name: bad\xff\nVersion: 1\n").has_value());
    CHECK_FALSE(parse_core_metadata("Metadata-Version: 2.1\nName: x\n").has_value());
}
