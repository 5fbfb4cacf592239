#include "sbom/spdx_json.hpp"

#include "util/hash.hpp"
#include "util/json.hpp"

#include <algorithm>
#include <ctime>
#include <tuple>

namespace pydeb::sbom
{

namespace
{

using util::json::Array;
using util::json::Object;
using util::json::Value;

std::string_view purpose_name(Purpose purpose)
{
    switch (purpose)
    {
    case Purpose::application:
        return "APPLICATION";
    case Purpose::library:
        return "LIBRARY";
    case Purpose::runtime:
        return "OTHER";
    case Purpose::install:
        return "INSTALL";
    }
    return "OTHER";
}

std::string_view relationship_name(RelationshipType type)
{
    switch (type)
    {
    case RelationshipType::describes:
        return "DESCRIBES";
    case RelationshipType::contains:
        return "CONTAINS";
    case RelationshipType::depends_on:
        return "DEPENDS_ON";
    }
    return "OTHER";
}

std::string iso8601(std::int64_t seconds)
{
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

Value package_json(const Package& package)
{
    Object out{{"SPDXID", package.id}, {"name", package.name}};
    if (!package.version.empty())
    {
        out.emplace_back("versionInfo", package.version);
    }
    out.emplace_back("supplier", package.supplier.empty() ? "NOASSERTION" : package.supplier);
    out.emplace_back("downloadLocation", package.download_location);
    out.emplace_back("filesAnalyzed", false);
    if (!package.sha256.empty())
    {
        out.emplace_back("checksums", Array{Object{{"algorithm", "SHA256"},
                                                   {"checksumValue", package.sha256}}});
    }
    out.emplace_back("licenseConcluded", "NOASSERTION");
    out.emplace_back("licenseDeclared", package.license_declared);
    out.emplace_back("copyrightText", "NOASSERTION");
    if (!package.purl.empty())
    {
        out.emplace_back("externalRefs", Array{Object{{"referenceCategory", "PACKAGE-MANAGER"},
                                                      {"referenceType", "purl"},
                                                      {"referenceLocator", package.purl}}});
    }
    out.emplace_back("primaryPackagePurpose", purpose_name(package.purpose));
    if (!package.comment.empty())
    {
        out.emplace_back("comment", package.comment);
    }
    return out;
}

std::string render(const Document& document, const std::string& name_space)
{
    std::vector<const Package*> packages;
    for (const Package& package : document.packages)
    {
        packages.push_back(&package);
    }
    std::ranges::sort(packages, {}, &Package::id);
    Array package_values;
    for (const Package* package : packages)
    {
        package_values.push_back(package_json(*package));
    }

    std::vector<Relationship> relationships = document.relationships;
    std::ranges::sort(relationships, {}, [](const Relationship& r) {
        return std::tie(r.type, r.from, r.to);
    });
    relationships.erase(std::unique(relationships.begin(), relationships.end(),
                                    [](const Relationship& a, const Relationship& b) {
                                        return std::tie(a.type, a.from, a.to) ==
                                               std::tie(b.type, b.from, b.to);
                                    }),
                        relationships.end());
    Array relationship_values;
    for (const Relationship& r : relationships)
    {
        relationship_values.push_back(Object{{"spdxElementId", r.from},
                                             {"relationshipType", relationship_name(r.type)},
                                             {"relatedSpdxElement", r.to}});
    }

    Object out{{"spdxVersion", "SPDX-2.3"},
               {"dataLicense", "CC0-1.0"},
               {"SPDXID", "SPDXRef-DOCUMENT"},
               {"name", document.name},
               {"documentNamespace", name_space},
               {"creationInfo", Object{{"created", iso8601(document.created)},
                                       {"creators", Array{"Tool: " + document.creator_tool}}}},
               {"packages", std::move(package_values)}};
    if (!document.extracted_licenses.empty())
    {
        std::vector<ExtractedLicense> licenses = document.extracted_licenses;
        std::ranges::sort(licenses, {}, &ExtractedLicense::id);
        Array values;
        for (const ExtractedLicense& license : licenses)
        {
            values.push_back(Object{{"licenseId", license.id},
                                    {"name", license.name},
                                    {"extractedText", license.text}});
        }
        out.emplace_back("hasExtractedLicensingInfos", std::move(values));
    }
    out.emplace_back("relationships", std::move(relationship_values));
    return util::json::dump(out);
}

} // namespace

std::string render_spdx_json(const Document& document)
{
    const std::string digest = util::to_hex(
        util::digest(util::HashAlgorithm::sha256, render(document, document.namespace_base)));
    return render(document, document.namespace_base + "-" + digest);
}

} // namespace pydeb::sbom
