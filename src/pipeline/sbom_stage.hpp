// The SBOM stage: after the map stage, the SPDX 2.3 document of one package (its bundled
// distributions, its bundled interpreter, the system packages it depends on), shipped inside the
// package and, for `pydeb build`, written beside it.
#pragma once

#include "depmap/types.hpp"
#include "package/model.hpp"
#include "pipeline/prepare.hpp"
#include "resolve/resolve.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>

namespace pydeb::pipeline
{

// The document's JSON for `info` as the map stage left it for `target` (Depends or Requires
// filled in), its Requires-Dist edges evaluated for `python`'s markers (prepared.facts, or a
// target release's python3.X). The created time is info.source_date_epoch, which the caller has
// set.
[[nodiscard]] Expected<std::string> render_sbom(const Prepared& prepared,
                                                const python::InterpreterFacts& python,
                                                const resolve::Resolution& resolution,
                                                const package::PackageInfo& info,
                                                depmap::Target target);

// Where the package carries it: /usr/share/doc/NAME/NAME.spdx.json, beside the copyright file
// (Debian Policy 12.5; rpm's %{_docdir}/NAME).
[[nodiscard]] std::string sbom_install_path(const package::PackageInfo& info);

// The SBOM beside a package file: its name with .deb / .rpm replaced by .spdx.json
// ("evalapp_1.0-1_amd64.spdx.json", "evalapp-1.0-1.x86_64.spdx.json").
[[nodiscard]] std::filesystem::path sbom_beside(const std::filesystem::path& package_file);

// Writes `json` to ROOT + sbom_install_path(info) (replacing an earlier format's) and, when
// `entries` is given, lists it there with the parent directories the entries lack, sorted. A
// `files:` entry at that path is an error: the path is pydeb's.
[[nodiscard]] Expected<void> ship_sbom(const std::filesystem::path& root,
                                       const package::PackageInfo& info, const std::string& json,
                                       std::vector<package::Entry>* entries);

} // namespace pydeb::pipeline
