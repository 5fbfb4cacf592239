// The map stage: staged ELF objects → the target format's dependency fields, then libsolv's
// verdict on whether the package would install against the target repositories.
#pragma once

#include "depmap/types.hpp"
#include "package/model.hpp"
#include "pipeline/prepare.hpp"
#include "resolve/resolve.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <vector>

namespace pydeb::pipeline
{

// Maps the staged tree for one format; extra relations from the spec are merged in.
[[nodiscard]] Expected<depmap::Mapping>
map_stage(const Prepared& prepared, const std::filesystem::path& root, depmap::Target target);

// For `pydeb build`: the regular files come from `entries` (which must outlive the call) instead
// of a walk of `root`, and files of the installed-wheel cache that an earlier build found not to
// be ELF objects (by Entry::content_key) are not opened again.
[[nodiscard]] Expected<depmap::Mapping> map_stage(const Prepared& prepared,
                                                  const std::filesystem::path& root,
                                                  depmap::Target target,
                                                  const std::vector<package::Entry>& entries);

// Puts the mapping into `info`: Depends or Requires; for rpm also the bundled(python3dist())
// Provides of every wheel, as Fedora's bundling guidelines ask. No check, no warnings.
void set_relations(const resolve::Resolution& resolution, const depmap::Mapping& mapping,
                   depmap::Target target, package::PackageInfo& info);

// Puts the mapping into `info` (Depends or Requires; for rpm also the bundled(python3dist())
// Provides of every wheel, as Fedora's bundling guidelines ask), then runs the installability
// check as the spec says (error / warn / off). Warnings are printed.
[[nodiscard]] Expected<void> apply_mapping(const Prepared& prepared,
                                           const resolve::Resolution& resolution,
                                           const depmap::Mapping& mapping, depmap::Target target,
                                           package::PackageInfo& info);

} // namespace pydeb::pipeline
