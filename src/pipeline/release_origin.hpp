// A Debian target release as the mapper's LibraryOrigin (depmap/release_libraries.hpp): the
// release's Contents asked about every path the staged objects' sonames could be at, the owners'
// pool files found in its Packages, and each owner's control files fetched when the mapper asks.
// When the archive does not serve the Contents its signed Release lists, the owners are found by
// name and confirmed by their own .debs' file lists (targets/library_packages.hpp), with a
// warning naming the Contents' URL.
#pragma once

#include "depmap/release_libraries.hpp"
#include "pipeline/map_stage.hpp"
#include "targets/debian_metadata.hpp"

#include <memory>

namespace pydeb::pipeline
{

[[nodiscard]] Expected<std::unique_ptr<depmap::ReleaseOrigin>>
release_origin(const Prepared& prepared, const StagedObjects& staged,
               const targets::ReleaseMetadata& release);

} // namespace pydeb::pipeline
