#include "resolve/metadata.hpp"

#include <doctest/doctest.h>

using namespace pydeb::resolve;

TEST_CASE("resolve::parse_metadata")
{
    const auto metadata = parse_metadata("Metadata-Version: 2.1\r\n"
                                         "Name: Flask\r\n"
                                         "Version: 2.2.2\r\n"
                                         "Summary: A simple framework\r\n"
                                         "  continued summary\r\n"
                                         "Requires-Python: >=3.7\r\n"
                                         "requires-dist: Werkzeug (>=2.2.2)\r\n"
                                         "Requires-Dist: asgiref>=3.2 ; extra == 'async'\r\n"
                                         "Provides-Extra: Async\r\n"
                                         "\r\n"
                                         "Requires-Dist: in-the-description\r\n",
                                         "w.whl: METADATA");
    REQUIRE(metadata);
    CHECK(metadata->name == "Flask");
    CHECK(metadata->version == "2.2.2");
    REQUIRE(metadata->requires_dist.size() == 2);
    CHECK(metadata->requires_dist[0].name == "Werkzeug");
    CHECK(metadata->requires_dist[0].specifier.to_string() == ">=2.2.2");
    CHECK(metadata->requires_dist[1].marker.has_value());
    CHECK(metadata->requires_python->to_string() == ">=3.7");
    CHECK(metadata->provides_extra == std::set<std::string>{"async"});
}

TEST_CASE("resolve::parse_metadata keeps the license fields the SBOM records")
{
    const auto metadata = parse_metadata("Metadata-Version: 2.4\n"
                                         "Name: x\n"
                                         "Version: 1\n"
                                         "License-Expression: MIT OR Apache-2.0\n"
                                         "License: Some text\n"
                                         "        second line\n"
                                         "Classifier: Programming Language :: Python\n"
                                         "Classifier: License :: OSI Approved :: MIT License\n",
                                         "w.whl: METADATA");
    REQUIRE(metadata);
    CHECK(metadata->license_expression == "MIT OR Apache-2.0");
    CHECK(metadata->license == "Some text\nsecond line");
    CHECK(metadata->license_classifiers ==
          std::vector<std::string>{"License :: OSI Approved :: MIT License"});
}

TEST_CASE("resolve::parse_metadata errors name the line")
{
    const auto bad = parse_metadata("Name: a\nVersion: 1\n\nx", "a.whl: a-1.dist-info/METADATA");
    CHECK(bad);
    const auto broken = parse_metadata("Name: a\nVersion: 1\nRequires-Dist: b >= \n",
                                       "a.whl: a-1.dist-info/METADATA");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.starts_with(
        "a.whl: a-1.dist-info/METADATA:3: invalid Requires-Dist: "));
    const auto nameless = parse_metadata("Version: 1\n", "x");
    REQUIRE_FALSE(nameless);
    CHECK(nameless.error().message == "x: the Name or Version field is missing");
}

TEST_CASE("resolve::read_wheel_metadata")
{
    const auto missing = read_wheel_metadata(pydeb::util::CacheStore::off(), "nope.whl");
    CHECK_FALSE(missing);
}
