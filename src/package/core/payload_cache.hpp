// Reuse of a whole compressed payload between builds (ccache's idea, applied to the package
// payload): when every member of a package's payload is the same as in an earlier build (same
// path, header fields and bytes), the writer takes that build's compressed payload and per-file
// digests instead of reading and compressing every file again: the .deb's data.tar and md5sums
// (deb/payload_reuse.hpp), the .rpm's cpio payload and FILEDIGESTS (rpm/payload_reuse.hpp).
// Only a whole payload can be reused, not the part that did not change: concatenated zstd frames
// are valid zstd, but dpkg 1.21 (bookworm) stops reading a data.tar.zst at the end of its first
// frame, so the payload stays one frame and one compressor run.
//
// Each format builds its key with util::CacheKey from its members' header fields and
// content_name(): the bytes of a file are named without reading it where the producer vouches
// for them (Entry::content_key: files placed from the installed-wheel cache); other files and
// generated members by their md5. An entry is checked on use (size and XXH3-128 checksum of its
// data, util::checksum_file: damage, not tampering, as the installed-wheel cache), so a damaged
// cache never yields a damaged package: it is a miss.
#pragma once

#include "package/model.hpp"
#include "util/cache_store.hpp"
#include "util/file_lock.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pydeb::package
{

using FileDigests = std::vector<std::pair<std::string, std::string>>; // path, hex digest

// What a member's bytes are: the producer's content key, else the md5 of its source file or of
// its generated text; nullopt when the source cannot be read.
[[nodiscard]] std::optional<std::string> content_name(const Entry* entry, const std::string* source,
                                                      std::string_view generated);

struct CachedPayload
{
    std::filesystem::path data; // the compressed payload, of the recorded size
    FileDigests digests;        // as the writer computed them, in payload order
    std::string facts; // the format's own line (rpm: its payload digests, payload_reuse.cpp)
    std::string fingerprint;    // "<size> <XXH3-128>" of data, recorded when it was stored
};

class PayloadCache
{
public:
    // The payload cache in the store (CacheKind::payloads), or nullopt when the store is off.
    [[nodiscard]] static std::optional<PayloadCache> open(const util::CacheStore& store);
    // For tests: a cache in `directory`.
    explicit PayloadCache(std::filesystem::path directory) : m_dir(std::move(directory)) {}

    // The entry stored under key if it is whole (its digests, data of the recorded size); nullopt
    // otherwise. Its bytes are checked by verify().
    [[nodiscard]] std::optional<CachedPayload> find(const std::string& key) const;
    // True when `data` (the entry's file, or a link to it) has the recorded size and checksum; then
    // the entry counts as used now.
    [[nodiscard]] bool verify(const CachedPayload& payload,
                              const std::filesystem::path& data) const;
    [[nodiscard]] bool verify(const CachedPayload& payload) const { return verify(payload, payload.data); }
    // The entry's lock (util::CacheStore::lock_entry), held while its payload is written.
    [[nodiscard]] std::optional<util::FileLock> lock(const std::string& key) const;
    // Keep a finished payload and its digests under key (hard link when possible, else a copy).
    // The store's cleanup drops the least recently used entries. Failures are ignored.
    void store(const std::string& key, const std::filesystem::path& data, const FileDigests& digests,
               std::string_view facts = {}) const;

private:
    [[nodiscard]] std::filesystem::path data_path(const std::string& key) const;
    [[nodiscard]] std::filesystem::path sums_path(const std::string& key) const;
    std::filesystem::path m_dir;
};

} // namespace pydeb::package
