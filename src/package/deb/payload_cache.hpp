// Reuse of a whole data.tar between builds (ccache's idea, applied to the package payload): when
// every data.tar member is the same as in an earlier build (same path, header fields and bytes),
// the writer copies that build's compressed data.tar and md5sums instead of reading and compressing
// every file again. Only the whole payload can be reused, not the part that did not change:
// concatenated zstd frames are valid zstd, but dpkg 1.21 (bookworm) stops reading a data.tar.zst at
// the end of its first frame, so the payload stays one frame and one compressor run.
//
// The key names the bytes of each file without reading it where the producer vouches for them
// (Entry::content_key: files placed from the installed-wheel cache); other files and generated
// members are named by their md5. An entry is checked on use (size and sha256 of its data), so a
// damaged cache never yields a damaged package: it is a miss.
#pragma once

#include "adapters/archive/tar_writer.hpp"
#include "package/deb/members.hpp"
#include "util/cache_store.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pydeb::package::deb
{

using Md5sums = std::vector<std::pair<std::string, std::string>>; // absolute path, md5 hex

struct CachedPayload
{
    std::filesystem::path data; // the compressed data.tar, of the recorded size
    Md5sums md5sums;            // as DataTar::write_members computed them
    std::string fingerprint;    // "<size> <sha256>" recorded when it was stored
};

class PayloadCache
{
public:
    // The payload cache in the store (CacheKind::payloads), or nullopt when the store is off.
    [[nodiscard]] static std::optional<PayloadCache> open(const util::CacheStore& store);
    // For tests: a cache in `directory`.
    explicit PayloadCache(std::filesystem::path directory) : m_dir(std::move(directory)) {}

    // The key of the data.tar these members make (header fields as tar_meta gives them), or
    // nullopt when a member's bytes cannot be named (an unreadable file).
    [[nodiscard]] std::optional<std::string>
    key(const std::vector<Member>& members, std::optional<std::int64_t> source_date_epoch,
        std::int64_t now, adapters::archive::TarCompression compression) const;
    // The entry stored under key if it is whole (its sums, data of the recorded size); nullopt
    // otherwise. Its bytes are checked by verify(), which the writer runs while it assembles the
    // package and before it commits it.
    [[nodiscard]] std::optional<CachedPayload> find(const std::string& key) const;
    // True when the data's sha256 is the recorded one; then the entry counts as used now.
    [[nodiscard]] bool verify(const CachedPayload& payload) const;
    // The entry's lock (util::CacheStore::lock_entry), held while its payload is written.
    [[nodiscard]] std::optional<util::FileLock> lock(const std::string& key) const;
    // Keep a finished data.tar and its md5sums under key (hard link when possible, else a copy).
    // The store's cleanup drops the least recently used entries. Failures are ignored.
    void store(const std::string& key, const std::filesystem::path& data,
               const Md5sums& md5sums) const;

private:
    [[nodiscard]] std::filesystem::path data_path(const std::string& key) const;
    [[nodiscard]] std::filesystem::path sums_path(const std::string& key) const;
    std::filesystem::path m_dir;
};

} // namespace pydeb::package::deb
