// Licenses in SPDX terms (SPDX 2.3 Annex D, "SPDX License Expressions"): the validity check and
// canonical form of an expression, and the declared license of a Python distribution from its core
// metadata, which may be anything from a PEP 639 expression to a whole license text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::sbom
{

// An expression over the SPDX License List's identifiers (matched case-insensitively, Annex D.2)
// with AND, OR, WITH (an exception identifier), "+", parentheses, LicenseRef-X and
// DocumentRef-X:LicenseRef-Y, in canonical form: identifiers spelled as the list does, operators
// upper-case, single spaces ("mit or apache-2.0" -> "MIT OR Apache-2.0"). nullopt when `text` is
// not such an expression (an unknown identifier, "Apache 2.0", a license text).
[[nodiscard]] std::optional<std::string> canonical_expression(std::string_view text);

// What a distribution's METADATA says about its license (core metadata specification).
struct LicenseFields
{
    std::optional<std::string> expression; // License-Expression (PEP 639)
    std::vector<std::string> classifiers;  // "License :: OSI Approved :: MIT License", ...
    std::optional<std::string> text;       // License: a name, an expression or the full text
};

// A license SPDX 2.3 §10 "Other licensing information" defines: LicenseRef-ID for a text that is
// no list license.
struct ExtractedLicense
{
    std::string id; // "LicenseRef-psycopg2"
    std::string name;
    std::string text;
};

struct DeclaredLicense
{
    std::string expression = "NOASSERTION"; // a valid SPDX expression, or NOASSERTION
    std::optional<ExtractedLicense> extracted; // the LicenseRef the expression names
};

// The declared license of distribution `name` (PEP 503 normalized), in the order PEP 639 gives the
// fields' authority: a valid License-Expression; else the License classifiers, when each one
// names exactly one list license (several are ANDed: the classifiers do not say which one
// applies, so the conservative reading is all of them); else a License field that is a valid
// expression; else that field's text kept as LicenseRef-NAME; else NOASSERTION. Never an invalid
// expression: an invalid License-Expression falls through to the next source.
[[nodiscard]] DeclaredLicense declared_license(const LicenseFields& fields, std::string_view name);

// The SPDX identifier of a Trove "License ::" classifier that names one license unambiguously
// ("License :: OSI Approved :: MIT License" -> "MIT"); nullopt for the ambiguous ones ("BSD
// License", "GNU General Public License (GPL)": which version?).
[[nodiscard]] std::optional<std::string_view> classifier_license(std::string_view classifier);

} // namespace pydeb::sbom
