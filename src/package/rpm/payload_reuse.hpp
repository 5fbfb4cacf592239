// The .rpm writer with payload reuse (package/core/payload_cache.hpp) around it: when every cpio
// member is the same as in an earlier build, that build's compressed payload is taken (after its
// size, checksum and sha256 are checked where the writer reads it) with its FILEDIGESTS and the uncompressed archive's size and
// sha256, and only the headers are made again; otherwise the package is written as
// write_package writes it, and its payload kept for the next build. The bytes are the same
// either way: rpm's zstd at level 19 costs 1.3 s of a 2.1 s warm build of examples/hello.
#pragma once

#include "package/model.hpp"
#include "package/rpm/file_list.hpp"
#include "package/rpm/payload.hpp"
#include "package/write_options.hpp"
#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::package::rpm
{

// The key of the payload these records make with this compressor (each member's cpio header
// fields and content_name), or nullopt when a file's bytes cannot be named (an unreadable file).
[[nodiscard]] std::optional<std::string> payload_key(const std::vector<FileRecord>& files,
                                                     const Compressor& compressor);

[[nodiscard]] Expected<void> write_package_reusing(const PackageInfo& info,
                                                   const std::filesystem::path& output_path,
                                                   const WriteOptions& options,
                                                   const util::CacheStore& store);

} // namespace pydeb::package::rpm
