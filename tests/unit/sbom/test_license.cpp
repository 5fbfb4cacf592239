#include "sbom/license.hpp"

#include <doctest/doctest.h>

using namespace pydeb::sbom;

TEST_CASE("sbom::canonical_expression accepts SPDX 2.3 Annex D expressions in canonical form")
{
    CHECK(canonical_expression("MIT") == "MIT");
    CHECK(canonical_expression("mit") == "MIT"); // identifiers match case-insensitively
    CHECK(canonical_expression("apache-2.0  OR   bsd-3-clause") == "Apache-2.0 OR BSD-3-Clause");
    CHECK(canonical_expression("mit and (isc or zlib)") == "MIT AND (ISC OR Zlib)");
    CHECK(canonical_expression(
              "(MIT OR Apache-2.0) AND GPL-2.0-or-later WITH classpath-exception-2.0") ==
          "(MIT OR Apache-2.0) AND GPL-2.0-or-later WITH Classpath-exception-2.0");
    CHECK(canonical_expression("GPL-2.0+") == "GPL-2.0+"); // deprecated but on the list
    CHECK(canonical_expression("LicenseRef-my.license") == "LicenseRef-my.license");
    CHECK(canonical_expression("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2") ==
          "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2");
}

TEST_CASE("sbom::canonical_expression refuses what is no expression")
{
    for (const char* text :
         {"", "Apache 2.0", "BSD", "MIT And Apache-2.0", "MIT AND", "(MIT", "MIT)", "MIT OR OR MIT",
          "MIT WITH MIT", "(MIT) WITH Classpath-exception-2.0", "LicenseRef-", "LicenseRef-a_b",
          "LicenseRef-x+", "DocumentRef-x:MIT", "\"MIT\"", "MIT\x01", "Copyright (c) 2020 Foo"})
    {
        CAPTURE(text);
        CHECK_FALSE(canonical_expression(text));
    }
}

TEST_CASE("sbom::declared_license takes License-Expression, then classifiers, then License")
{
    CHECK(declared_license(
              {"mit OR Apache-2.0", {"License :: OSI Approved :: ISC License (ISCL)"}, "BSD"}, "x")
              .expression == "MIT OR Apache-2.0");
    // An invalid License-Expression falls through to the next source.
    CHECK(declared_license({"MIT AND (", {"License :: OSI Approved :: MIT License"}, std::nullopt},
                           "x")
              .expression == "MIT");
    // Several classifiers: all of them.
    CHECK(declared_license({std::nullopt,
                            {"License :: OSI Approved :: MIT License",
                             "License :: OSI Approved :: Apache Software License"},
                            std::nullopt},
                           "x")
              .expression == "MIT AND Apache-2.0");
    // An ambiguous classifier maps to nothing; the License field decides.
    CHECK(declared_license(
              {std::nullopt, {"License :: OSI Approved :: BSD License"}, "BSD-3-Clause"}, "x")
              .expression == "BSD-3-Clause");
}

TEST_CASE("sbom::declared_license keeps a License text that is no expression as a LicenseRef")
{
    const DeclaredLicense declared =
        declared_license({std::nullopt, {}, "LGPL with exceptions \"or\" \x01 ZPL"}, "psycopg2");
    CHECK(declared.expression == "LicenseRef-psycopg2");
    REQUIRE(declared.extracted);
    CHECK(declared.extracted->id == "LicenseRef-psycopg2");
    CHECK(declared.extracted->text == "LGPL with exceptions \"or\" \x01 ZPL");
    CHECK(canonical_expression(declared.expression));

    CHECK(declared_license({std::nullopt, {}, "UNKNOWN"}, "x").expression == "NOASSERTION");
    CHECK(declared_license({" ", {}, std::nullopt}, "x").expression == "NOASSERTION");
    CHECK_FALSE(declared_license({}, "x").extracted);
}

TEST_CASE("sbom::classifier_license")
{
    CHECK(classifier_license("License :: OSI Approved :: MIT License") == "MIT");
    CHECK(classifier_license(
              "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)") ==
          "GPL-2.0-or-later");
    CHECK_FALSE(classifier_license("License :: OSI Approved :: BSD License"));
    CHECK_FALSE(classifier_license("License :: Other/Proprietary License"));
}
