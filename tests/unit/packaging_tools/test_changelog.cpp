#include "packaging_tools/changelog.hpp"

#include <doctest/doctest.h>

using namespace pydeb::packaging_tools;

TEST_CASE("packaging_tools::split_debian_version follows deb-version(5)")
{
    const auto full = split_debian_version("2:1.0-rc1-3+deb12u1");
    REQUIRE(full);
    CHECK(full->epoch == "2");
    CHECK(full->upstream == "1.0-rc1"); // the revision follows the LAST hyphen
    CHECK(full->revision == "3+deb12u1");

    const auto native = split_debian_version("1.2~b1");
    REQUIRE(native);
    CHECK_FALSE(native->epoch);
    CHECK(native->upstream == "1.2~b1");
    CHECK_FALSE(native->revision);

    CHECK_FALSE(split_debian_version("x:1.0"));
    CHECK_FALSE(split_debian_version("1.0-"));
    CHECK_FALSE(split_debian_version("a1.0-1"));
}

TEST_CASE("packaging_tools::parse_changelog_head reads the newest entry")
{
    const auto entry =
        parse_changelog_head("myapp (1:2.0-3) unstable experimental; urgency=medium\n"
                             "\n"
                             "  * New release.\n"
                             "\n"
                             " -- Jane Doe <jane@example.com>  Sun, 22 Nov 2026 04:00:00 +0000\n"
                             "\n"
                             "myapp (1:1.0-1) unstable; urgency=low\n"
                             "\n"
                             "  * Initial release.\n"
                             "\n"
                             " -- John Roe <john@example.com>  Sat, 21 Nov 2026 04:00:00 +0000\n",
                             "debian/changelog");
    REQUIRE(entry);
    CHECK(entry->source == "myapp");
    CHECK(entry->version == "1:2.0-3");
    CHECK(entry->distribution == "unstable");
    CHECK(entry->maintainer == "Jane Doe <jane@example.com>");
    CHECK(entry->date == "Sun, 22 Nov 2026 04:00:00 +0000");
}

TEST_CASE("packaging_tools::parse_changelog_head locates what is wrong")
{
    const auto header = parse_changelog_head("myapp 1.0 unstable\n", "debian/changelog");
    REQUIRE_FALSE(header);
    CHECK(header.error().message.starts_with("debian/changelog:1: expected 'source (version)"));

    const auto version = parse_changelog_head("myapp (v1) unstable; urgency=low\n", "c");
    REQUIRE_FALSE(version);
    CHECK(version.error().message.starts_with("c:1: version 'v1'"));

    const auto trailer = parse_changelog_head(
        "myapp (1.0) unstable; urgency=low\n\n  * x\n\nnext (0.9) unstable; urgency=low\n", "c");
    REQUIRE_FALSE(trailer);
    CHECK(trailer.error().message.find("no ' -- Name <email>  date' trailer") != std::string::npos);

    const auto empty = parse_changelog_head("\n", "c");
    REQUIRE_FALSE(empty);
    CHECK(empty.error().message.find("no changelog entry") != std::string::npos);
}
