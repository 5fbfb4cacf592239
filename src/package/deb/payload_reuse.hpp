// The .deb writer with payload reuse (package/core/payload_cache.hpp) around it: when every
// data.tar member is the same as in an earlier build, that build's compressed data.tar is taken
// (after its size and checksum are checked) and only the control area is made again; otherwise the
// package is written as write_package writes it, and its data.tar kept for the next build. The
// bytes are the same either way.
#pragma once

#include "adapters/archive/tar_writer.hpp"
#include "package/deb/members.hpp"
#include "package/model.hpp"
#include "package/write_options.hpp"
#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::package::deb
{

// The key of the data.tar these members make (header fields as tar_meta gives them, each file's
// content_name), or nullopt when a member's bytes cannot be named (an unreadable file).
[[nodiscard]] std::optional<std::string> payload_key(const std::vector<Member>& members,
                                                     std::optional<std::int64_t> source_date_epoch,
                                                     std::int64_t now,
                                                     adapters::archive::TarCompression compression);

[[nodiscard]] Expected<void> write_package_reusing(const PackageInfo& info,
                                                   const std::filesystem::path& output_path,
                                                   const WriteOptions& options,
                                                   const util::CacheStore& store);

} // namespace pydeb::package::deb
