// The map stage: staged ELF objects → the target format's dependency fields, then libsolv's
// verdict on whether the package would install against the target repositories.
#pragma once

#include "depmap/types.hpp"
#include "install/install_stage.hpp"
#include "package/model.hpp"
#include "pipeline/prepare.hpp"
#include "pipeline/target_plan.hpp"
#include "resolve/resolve.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <vector>

namespace pydeb::pipeline
{

// The staged tree's ELF objects, read once and mapped for every format.
struct StagedObjects
{
    std::filesystem::path root;
    std::vector<elf::ElfObject> objects;
};

// By a walk of `root`.
[[nodiscard]] Expected<StagedObjects> scan_stage(const std::filesystem::path& root);
// From the regular files among the package's entries (`pydeb build` has listed them already),
// but those placed from a wheel cache entry that records them as data (install::FileContent): the
// entry's checksums were verified when it was used, so what it records is what the staged bytes are,
// and most of a venv's files are never opened here.
[[nodiscard]] Expected<StagedObjects>
scan_stage(const std::filesystem::path& root, const std::vector<package::Entry>& entries,
           const std::vector<install::CachedWheelFiles>& cached);

// Maps the staged objects for one format; extra relations from the spec are merged in. A Debian
// target release's sonames are mapped from its own Contents and control files, the host's (an
// empty `build`) from the host's dpkg database.
[[nodiscard]] Expected<depmap::Mapping> map_stage(const Prepared& prepared,
                                                  const StagedObjects& staged,
                                                  depmap::Target target,
                                                  const TargetBuild& build = {});

// Puts the mapping into `info`: Depends or Requires; for rpm also the bundled(python3dist())
// Provides of every wheel, as Fedora's bundling guidelines ask. No check, no warnings.
void set_relations(const resolve::Resolution& resolution, const depmap::Mapping& mapping,
                   depmap::Target target, package::PackageInfo& info);

// The installability check of `info`'s relations (set_relations has run) against `build`'s
// repositories (a target's release; for the host, the spec's or the host's); policy: error.
[[nodiscard]] depmap::InstallCheck installability_check(const Prepared& prepared,
                                                        const package::PackageInfo& info,
                                                        depmap::Target target,
                                                        const TargetBuild& build);

// Puts the mapping into `info` (Depends or Requires; for rpm also the bundled(python3dist())
// Provides of every wheel, as Fedora's bundling guidelines ask), then runs the installability
// check as the spec says (error / warn / off) against `build`'s repositories (a target's
// release; for the host, the spec's or the host's). Warnings are printed.
[[nodiscard]] Expected<void> apply_mapping(const Prepared& prepared,
                                           const resolve::Resolution& resolution,
                                           const depmap::Mapping& mapping, depmap::Target target,
                                           const TargetBuild& build, package::PackageInfo& info);

} // namespace pydeb::pipeline
