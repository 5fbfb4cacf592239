// A Debian archive's Release file (the text an InRelease signs): its codename and the SHA256 of
// every index it lists, the only hashes pydeb trusts an index by (Debian wiki DebianRepository/
// Format, "Release files": MD5Sum and SHA1 are no longer used for verification by apt).
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::targets
{

struct IndexFile
{
    std::string path; // relative to dists/CODENAME/: "main/binary-amd64/Packages.xz"
    std::uint64_t size = 0;
    std::string sha256; // lower-case hex
};

// Acquire-By-Hash: yes: each index is also at DIR/by-hash/SHA256/HASH, so a client that read
// the Release file gets exactly the index it names while a mirror updates.
enum class ByHash
{
    no,
    yes,
};

struct ReleaseFile
{
    std::string codename; // "bookworm"
    std::string suite;    // "stable"
    ByHash by_hash = ByHash::no;
    std::vector<IndexFile> files;

    // Where to fetch `file`, relative to dists/CODENAME/.
    [[nodiscard]] std::string fetch_path(const IndexFile& file) const;
    // The entry for `path`; nullptr when the Release does not list it.
    [[nodiscard]] const IndexFile* find(std::string_view path) const;
};

// `where` prefixes errors (the InRelease URL). A Release without Codename or SHA256 is an Error.
[[nodiscard]] Expected<ReleaseFile> parse_release_file(std::string_view text,
                                                       std::string_view where);

} // namespace pydeb::targets
