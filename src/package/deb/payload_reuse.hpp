// The .deb writer with payload reuse (payload_cache.hpp) around it: when every data.tar member is
// the same as in an earlier build, that build's compressed data.tar is taken (after its size and
// sha256 are checked) and only the control area is made again; otherwise the package is written
// as write_package writes it, and its data.tar kept for the next build. The bytes are the same
// either way.
#pragma once

#include "package/model.hpp"
#include "package/write_options.hpp"
#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <filesystem>

namespace pydeb::package::deb
{

[[nodiscard]] Expected<void> write_package_reusing(const PackageInfo& info,
                                                   const std::filesystem::path& output_path,
                                                   const WriteOptions& options,
                                                   const util::CacheStore& store);

} // namespace pydeb::package::deb
