// Package URLs (https://github.com/package-url/purl-spec, PURL-SPECIFICATION.rst and
// PURL-TYPES.rst): pkg:TYPE/NAMESPACE/NAME@VERSION?QUALIFIERS, each part percent-encoded.
#pragma once

#include <string>
#include <string_view>

namespace pydeb::sbom
{

// pkg:pypi/NAME@VERSION. The pypi type lower-cases the name and makes "_" a "-"; `name` goes
// through PEP 503 normalisation, which does that and also folds runs of "-", "_" and ".", as PyPI
// itself treats those names as one.
[[nodiscard]] std::string pypi_purl(std::string_view name, std::string_view version);

// pkg:deb/debian/NAME?arch=ARCH (no version: a dependency names a package, not a build of it).
[[nodiscard]] std::string deb_purl(std::string_view name, std::string_view architecture);

// Percent-encoding of everything but the unreserved characters (RFC 3986 §2.3).
[[nodiscard]] std::string percent_encode(std::string_view text);

} // namespace pydeb::sbom
