#include "packaging_tools/debian_defaults.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace pydeb::packaging_tools;

namespace
{

const char* const k_control = "Source: myapp-src\n"
                              "Maintainer: Jane Doe <jane@example.com>\n"
                              "Homepage: https://example.com/src\n"
                              "\n"
                              "Package: myapp\n"
                              "Architecture: any\n"
                              "Description: greets you\n"
                              " The long text,\n"
                              " .\n"
                              "  indented.\n"
                              "\n"
                              "Package: myapp-doc\n"
                              "Homepage: https://example.com/doc\n"
                              "Description: docs\n";

const char* const k_changelog =
    "myapp-src (1:2.0-3) unstable; urgency=medium\n\n  * x\n\n"
    " -- Other Person <other@example.com>  Sun, 22 Nov 2026 04:00:00 +0000\n";

void write(const std::filesystem::path& path, const char* text)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("packaging_tools::read_debian_defaults fills the spec's metadata from debian/")
{
    write("src/debian/control", k_control);
    write("src/debian/changelog", k_changelog);
    const auto defaults = read_debian_defaults("src", "myapp");
    REQUIRE(defaults);
    CHECK(defaults->name == "myapp");
    CHECK(defaults->version == "2.0"); // no epoch: dpkg-gencontrol writes the real Version
    CHECK(defaults->release == "3");
    CHECK(defaults->summary == "greets you");
    CHECK(defaults->description == "The long text,\n\n indented.");
    CHECK(defaults->maintainer == "Jane Doe <jane@example.com>");
    CHECK(defaults->homepage == "https://example.com/src");

    const auto doc = read_debian_defaults("src", "myapp-doc");
    REQUIRE(doc);
    CHECK(doc->homepage == "https://example.com/doc"); // the binary's own field wins
    CHECK_FALSE(doc->description);
}

TEST_CASE("packaging_tools::read_debian_defaults names the packages when one is missing")
{
    write("src/debian/control", k_control);
    write("src/debian/changelog", k_changelog);
    const auto missing = read_debian_defaults("src", "other");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message ==
          "debian/control: no binary paragraph 'Package: other'; the binary packages are: myapp, "
          "myapp-doc");

    write("bad/debian/control", k_control);
    write("bad/debian/changelog", "myapp (1.0) unstable; urgency=low\n");
    const auto no_trailer = read_debian_defaults("bad", "myapp");
    REQUIRE_FALSE(no_trailer);
    CHECK(no_trailer.error().message.starts_with("bad/debian/changelog:"));
}

TEST_CASE("packaging_tools::debian_defaults: native versions have no release, the changelog signs")
{
    const auto control = parse_deb822("Source: a\n\nPackage: a\n", "c");
    REQUIRE(control);
    ChangelogEntry entry;
    entry.version = "1.5";
    entry.maintainer = "Sig Ner <s@example.com>";
    const auto defaults = debian_defaults(*control, entry, "a");
    REQUIRE(defaults);
    CHECK(defaults->version == "1.5");
    CHECK_FALSE(defaults->release);
    CHECK(defaults->maintainer == "Sig Ner <s@example.com>");
    CHECK_FALSE(defaults->summary);

    const auto no_source = parse_deb822("Package: a\n", "c");
    REQUIRE(no_source);
    CHECK_FALSE(debian_defaults(*no_source, entry, "a"));
}

TEST_CASE("packaging_tools::copyright_license reads the 'Files: *' paragraph of a DEP-5 file")
{
    const char* const dep5 = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                             "Upstream-Name: myapp\n"
                             "\n"
                             "Files: vendor/*\n"
                             "Copyright: 2020 Someone\n"
                             "License: BSD-3-clause\n"
                             "\n"
                             "Files: *\n"
                             "Copyright: 2026 Jane Doe\n"
                             "License: Expat or Apache-2.0\n"
                             " The full text.\n"
                             "\n"
                             "License: BSD-3-clause\n"
                             " Text.\n";
    const auto license = copyright_license(dep5, "debian/copyright");
    REQUIRE(license);
    CHECK(*license == "Expat or Apache-2.0");

    // Free-form (Debian Policy §12.5 allows it): no license, and no attempt to parse it.
    const auto freeform = copyright_license("This package was debianized by...\n\nIt is GPL.\n",
                                            "debian/copyright");
    REQUIRE(freeform);
    CHECK_FALSE(*freeform);

    const auto no_catch_all = copyright_license(
        "Format: https://x/\n\nFiles: src/*\nCopyright: x\nLicense: MIT\n", "debian/copyright");
    REQUIRE(no_catch_all);
    CHECK_FALSE(*no_catch_all);

    const auto no_license =
        copyright_license("Format: https://x/\n\nFiles: *\nCopyright: x\n", "debian/copyright");
    REQUIRE_FALSE(no_license);
    CHECK(no_license.error().message.starts_with("debian/copyright:3: the 'Files: *' paragraph"));
}

TEST_CASE("packaging_tools::read_debian_defaults: license from debian/copyright, paths from the root")
{
    write("lic/debian/control", k_control);
    write("lic/debian/changelog", k_changelog);
    const auto without = read_debian_defaults("lic", "myapp");
    REQUIRE(without);
    CHECK_FALSE(without->license); // no debian/copyright: left out, a .deb has no license field
    CHECK(without->header_keys == pydeb::spec::HeaderKeys::optional);
    CHECK(without->base_dir == std::filesystem::path("lic"));

    write("lic/debian/copyright", "Format: https://www.debian.org/doc/packaging-manuals/"
                                  "copyright-format/1.0/\n\nFiles: *\nCopyright: 2026 J\nLicense: MIT\n");
    const auto with = read_debian_defaults("lic", "myapp");
    REQUIRE(with);
    CHECK(with->license == "MIT");
}
