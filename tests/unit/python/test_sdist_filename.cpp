#include "python/sdist_filename.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::python;

TEST_CASE("python::parse_sdist_filename: PEP 625 names split at their one '-'")
{
    const auto s = parse_sdist_filename("fast_sum-1.0.post1.tar.gz");
    REQUIRE(s.has_value());
    CHECK(s->name == "fast_sum");
    CHECK(s->normalized == "fast-sum");
    CHECK(s->version.to_string() == "1.0.post1");
    CHECK(s->format == SdistFormat::tar_gz);
}

TEST_CASE("python::parse_sdist_filename: legacy names split as pip splits them, given the project")
{
    // pip's _find_name_version_sep: the first '-' whose prefix normalizes to the project.
    const auto s = parse_sdist_filename("Foo.Bar-baz-2.0rc1.zip", "foo-bar-baz");
    REQUIRE(s.has_value());
    CHECK(s->name == "Foo.Bar-baz");
    CHECK(s->version.to_string() == "2.0rc1");
    CHECK(s->format == SdistFormat::zip);
    // Without the project, the last '-' splits: right for PEP 625, and a version that is no
    // version is refused rather than guessed at.
    CHECK(parse_sdist_filename("Foo-Bar-1.0.tar.gz")->name == "Foo-Bar");
    // The project decides: "foo-2" is not a version of "foo-2-thing".
    CHECK_FALSE(parse_sdist_filename("foo-2-thing-1.0.tar.gz", "foo").has_value());
    CHECK(parse_sdist_filename("foo-2-thing-1.0.tar.gz", "foo-2-thing")->version.to_string() ==
          "1.0");
}

TEST_CASE("python::parse_sdist_filename refuses what is no sdist name")
{
    CHECK_FALSE(sdist_format("foo-1.0-py3-none-any.whl").has_value());
    CHECK_FALSE(sdist_format(".tar.gz").has_value());
    CHECK(sdist_format("foo-1.0.tar.gz") == SdistFormat::tar_gz);
    for (const char* name : {"foo.tar.gz", "-1.0.tar.gz", "foo-.tar.gz", "foo-1.0.tar.bz2",
                             "foo-not.a.version.tar.gz", "fo o-1.0.tar.gz"})
    {
        INFO(name);
        CHECK_FALSE(parse_sdist_filename(name).has_value());
    }
    const auto other = parse_sdist_filename("bar-1.0.tar.gz", "foo");
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().message.find("with NAME foo") != std::string::npos);
}
