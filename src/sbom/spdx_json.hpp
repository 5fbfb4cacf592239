// An sbom::Document as SPDX 2.3 JSON (SPDX 2.3 Annex K / spdx-schema.json). A pure function of
// the document: same document, same bytes.
#pragma once

#include "sbom/document.hpp"

#include <string>

namespace pydeb::sbom
{

// Packages sorted by SPDXID, relationships by (type, from, to), extracted licenses by id; the
// created time in ISO 8601 UTC (§6.9); filesAnalyzed false (§7.8: pydeb lists packages, not
// files); licenseConcluded and copyrightText NOASSERTION (§7.13, §7.17: no one reviewed them).
// documentNamespace (§6.5) is namespace_base, "-", and the sha256 of the document rendered
// without it: unique per content, as §6.5 asks, and reproducible.
[[nodiscard]] std::string render_spdx_json(const Document& document);

} // namespace pydeb::sbom
