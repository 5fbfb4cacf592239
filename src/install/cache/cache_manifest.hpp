// The manifest of one installed-wheel cache entry (wheel_cache.hpp): what installing the wheel
// produced, so that a later install can replay it without the wheel. A line-based text file:
//   pydeb-wheel-cache-manifest 1
//   distribution NAME / version VERSION
//   wheel-warning TEXT     a warning install_wheel gave, without its leading "WHEEL-PATH: "
//   warning TEXT           any other warning install_wheel gave, as it was
//   bytecode-warning TEXT  a file that did not compile (names its final path)
//   claim SHA256|- PATH    an owner-map claim, in order ("-": claimed without a digest)
//   file MODE SIZE XXH3|- CONTENT PATH   a file of the entry (octal mode, bytes, XXH3-128 in hex,
//                                  CONTENT elf or data; "-" for both in a temporary store's entries,
//                                  which are never read again), sorted by path
// Paths are relative to the prefix and come last on their line; "\" and line feeds in fields are
// escaped as "\\" and "\n", and spaces as "\s" in a field that is not last.
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::install
{

inline constexpr std::string_view k_manifest_header = "pydeb-wheel-cache-manifest 3";

struct CacheClaim
{
    std::string path;   // relative to the prefix
    std::string sha256; // as given to OwnerMap::set_digest; empty for RECORD

    bool operator==(const CacheClaim&) const = default;
};

// What a cached file's bytes are, for the stages after install: an ELF object is read again for
// its sonames (map); a data file never needs to be opened by them. Recorded with the checksum, from
// the same bytes, so an entry that passes its checksums holds what it records.
enum class FileContent
{
    unknown, // not recorded (with the checksum)
    data,
    elf,
};

struct CacheFile
{
    std::string path; // relative to the prefix
    unsigned mode = 0644;
    std::uint64_t size = 0;
    std::string checksum; // util::checksum_file's; empty when not recorded
    FileContent content = FileContent::unknown;

    bool operator==(const CacheFile&) const = default;
};

struct CacheManifest
{
    std::string distribution;
    std::string version;
    std::vector<std::string> wheel_warnings; // replayed after "WHEEL-PATH: " (the path changes)
    std::vector<std::string> other_warnings;
    std::vector<std::string> bytecode_warnings;
    std::vector<CacheClaim> claims;
    std::vector<CacheFile> files;

    bool operator==(const CacheManifest&) const = default;
};

[[nodiscard]] std::string render_manifest(const CacheManifest& manifest);

// Strict: a wrong first line, an unknown keyword, a bad number or an unsafe path (absolute, "..",
// empty components: check_member_name) is an error, and the entry is then rebuilt.
[[nodiscard]] Expected<CacheManifest> parse_manifest(std::string_view text);

// The source a .pyc of the entry was compiled from: "d/__pycache__/m.<cache_tag>.pyc" -> "d/m.py";
// empty for any other path.
[[nodiscard]] std::string bytecode_source(std::string_view path, std::string_view cache_tag);

} // namespace pydeb::install
