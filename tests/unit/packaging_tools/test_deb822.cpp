#include "packaging_tools/deb822.hpp"

#include <doctest/doctest.h>

using namespace pydeb::packaging_tools;

TEST_CASE("packaging_tools::parse_deb822 reads paragraphs, continuations and comments")
{
    const auto paragraphs = parse_deb822("Source: app\n"
                                         "# a comment\n"
                                         "Maintainer: Jane Doe <jane@example.com>\n"
                                         "Build-Depends: debhelper-compat (= 13),\n"
                                         " dh-sequence-pydeb\n"
                                         "\n"
                                         "\n"
                                         "Package: app\r\n"
                                         "Description: one line\n"
                                         " long text\n"
                                         " .\n"
                                         " more\n",
                                         "debian/control");
    REQUIRE(paragraphs);
    REQUIRE(paragraphs->size() == 2);
    CHECK((*paragraphs)[0].line == 1);
    CHECK((*paragraphs)[0].get("source") == "app");
    CHECK((*paragraphs)[0].get("BUILD-DEPENDS") == "debhelper-compat (= 13),\n dh-sequence-pydeb");
    CHECK((*paragraphs)[1].line == 8);
    CHECK((*paragraphs)[1].get("Package") == "app");
    CHECK((*paragraphs)[1].get("Description") == "one line\n long text\n .\n more");
    CHECK_FALSE((*paragraphs)[1].get("Homepage"));
}

TEST_CASE("packaging_tools::parse_deb822 locates malformed lines")
{
    const auto duplicate = parse_deb822("Source: a\nsource: b\n", "debian/control");
    REQUIRE_FALSE(duplicate);
    CHECK(duplicate.error().message ==
          "debian/control:2: duplicate field 'source' (first at line 1)");

    const auto orphan = parse_deb822("\n continued\n", "debian/control");
    REQUIRE_FALSE(orphan);
    CHECK(orphan.error().message.starts_with("debian/control:2: continuation line"));

    const auto garbage = parse_deb822("Source: a\nnot a field\n", "debian/control");
    REQUIRE_FALSE(garbage);
    CHECK(garbage.error().message ==
          "debian/control:2: expected 'Field: value', got 'not a field'");
}
