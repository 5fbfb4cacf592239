#include "sbom/purl.hpp"
#include "sbom/spdx_json.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace pydeb::sbom;

namespace
{

Document sample()
{
    Document document;
    document.name = "app 1.0-1 (amd64 .deb)";
    document.namespace_base = "https://spdx.org/spdxdocs/pydeb-app-1.0-1-amd64";
    document.created = 1700000000;
    document.creator_tool = "pydeb-0.1.0";
    const std::string self =
        document.add({.name = "app", .version = "1.0-1", .purpose = Purpose::application}, "deb");
    document.relationships.push_back({"SPDXRef-DOCUMENT", RelationshipType::describes, self});
    const std::string wheel = document.add({.name = "Zope.Interface",
                                            .version = "6.0+local",
                                            .sha256 = "ab12",
                                            .purl = pypi_purl("Zope.Interface", "6.0+local"),
                                            .license_declared = "ZPL-2.1"},
                                           "PyPI");
    document.relationships.push_back({self, RelationshipType::contains, wheel});
    const std::string system =
        document.add({.name = "libc.so.6()(64bit)", .purpose = Purpose::install}, "System");
    document.relationships.push_back({self, RelationshipType::depends_on, system});
    return document;
}

} // namespace

TEST_CASE("sbom::Document::add makes SPDX ids of letters, digits, '.' and '-', unique")
{
    Document document = sample();
    CHECK(document.packages[1].id == "SPDXRef-PyPI-Zope.Interface-6.0-local");
    CHECK(document.packages[2].id == "SPDXRef-System-libc.so.6---64bit-");
    CHECK(document.add({.name = "libc.so.6()(64bit)"}, "System") ==
          "SPDXRef-System-libc.so.6---64bit--2");
}

TEST_CASE("sbom::render_spdx_json is deterministic, sorted, and names its content")
{
    Document document = sample();
    const std::string json = render_spdx_json(document);
    CHECK(json == render_spdx_json(document));
    CHECK(json.find("\"spdxVersion\": \"SPDX-2.3\"") != std::string::npos);
    CHECK(json.find("\"created\": \"2023-11-14T22:13:20Z\"") != std::string::npos);
    CHECK(json.find("\"referenceLocator\": \"pkg:pypi/zope-interface@6.0%2Blocal\"") !=
          std::string::npos);
    // Packages by SPDXID whatever the order they were added in.
    CHECK(json.find("SPDXRef-PyPI-") < json.find("SPDXRef-System-"));
    CHECK(json.find("\"SPDXID\": \"SPDXRef-System-") < json.find("\"SPDXID\": \"SPDXRef-deb-"));
    std::reverse(document.packages.begin(), document.packages.end());
    std::reverse(document.relationships.begin(), document.relationships.end());
    CHECK(render_spdx_json(document) == json);
    // The namespace changes with the content.
    const std::size_t at = json.find("pydeb-app-1.0-1-amd64-");
    REQUIRE(at != std::string::npos);
    document.packages[0].license_declared = "MIT";
    CHECK(render_spdx_json(document).substr(at, 100) != json.substr(at, 100));
}

TEST_CASE("sbom::pypi_purl normalises the name (PEP 503) and percent-encodes")
{
    CHECK(pypi_purl("Flask_SQLAlchemy", "3.0") == "pkg:pypi/flask-sqlalchemy@3.0");
    CHECK(pypi_purl("zope.interface", "1!2.0+x.y") == "pkg:pypi/zope-interface@1%212.0%2Bx.y");
}

TEST_CASE("sbom::person writes a maintainer as SPDX 2.3 section 7.5 does")
{
    CHECK(person("Jane Doe <jane@example.com>") == "Person: Jane Doe (jane@example.com)");
    CHECK(person("Build Team") == "Person: Build Team");
    CHECK(person("").empty());
}
