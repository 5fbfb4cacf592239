// An SPDX 2.3 document as pydeb fills it: packages and their relationships, plain values. The
// pipeline gathers them (pipeline/sbom_stage.hpp); spdx_json.hpp writes the JSON.
#pragma once

#include "sbom/license.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::sbom
{

// SPDX 2.3 §7.24 "Primary Package Purpose".
enum class Purpose
{
    application, // the package pydeb builds
    library,     // a bundled distribution
    runtime,     // a bundled interpreter (written as OTHER: 2.3 has no runtime purpose)
    install,     // a system package it depends on (INSTALL: "installable software")
};

struct Package
{
    std::string id; // "SPDXRef-..." (document.cpp's make_id)
    std::string name;
    std::string version; // empty: left out (a system package known by name only)
    Purpose purpose = Purpose::library;
    std::string download_location = "NOASSERTION"; // §7.7: a URL, NONE or NOASSERTION
    std::string supplier;                          // §7.5 "Organization: ..."; empty: NOASSERTION
    std::string sha256;                            // lower-case hex; empty: no checksum
    std::string purl;                              // package URL; empty: none
    std::string license_declared = "NOASSERTION";  // a valid expression (license.hpp)
    std::string comment;                           // empty: none
};

// SPDX 2.3 §11.1, the three kinds pydeb states.
enum class RelationshipType
{
    describes,  // the document DESCRIBES the package it was made for
    contains,   // the package CONTAINS a bundled distribution or interpreter
    depends_on, // the package (or a distribution) DEPENDS_ON another
};

struct Relationship
{
    std::string from;
    RelationshipType type = RelationshipType::contains;
    std::string to;
};

struct Document
{
    std::string name;            // "evalapp_1.0-1_amd64.deb"
    std::string namespace_base;  // "https://.../evalapp-1.0-1": the writer appends a content hash
    std::int64_t created = 0;    // seconds since the epoch (SOURCE_DATE_EPOCH)
    std::string creator_tool;    // "pydeb-0.1.0"
    std::vector<Package> packages;
    std::vector<Relationship> relationships; // the DESCRIBES one included
    std::vector<ExtractedLicense> extracted_licenses;

    // Adds `package` with an id made from `kind` and its name and version (SPDX 2.3 §7.2:
    // "SPDXRef-" then letters, digits, "." and "-"), unique in this document; returns the id.
    std::string add(Package package, std::string_view kind);
};

// A maintainer as SPDX 2.3 §7.5 writes a person: "Jane Doe <jane@example.com>" ->
// "Person: Jane Doe (jane@example.com)"; empty stays empty (NOASSERTION).
[[nodiscard]] std::string person(std::string_view maintainer);

} // namespace pydeb::sbom
