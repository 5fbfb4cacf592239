#include "package/rpm/payload_reuse.hpp"

#include "adapters/archive/cpio_writer.hpp"
#include "adapters/rpm/compressed_file.hpp"
#include "package/core/payload_cache.hpp"
#include "package/rpm/writer.hpp"
#include "util/file_lock.hpp"
#include "util/hash.hpp"
#include "util/strings.hpp"

#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::package::rpm
{

namespace
{

bool is_regular(const FileRecord& file)
{
    return file.entry->type == EntryType::file;
}

// The cached payload's digests, if they are the ones these records need: the same files, in the
// same order, each a SHA-256.
bool digests_fit(const std::vector<FileRecord>& files, const FileDigests& digests)
{
    std::size_t next = 0;
    for (const FileRecord& file : files)
    {
        if (!is_regular(file))
        {
            continue;
        }
        if (next == digests.size() || digests[next].first != file.cpio_path ||
            digests[next].second.size() != 64)
        {
            return false;
        }
        ++next;
    }
    return next == digests.size();
}

// The facts line: the uncompressed archive's size and sha256 (PAYLOADSIZE, PAYLOADDIGESTALT) and
// the compressed payload's sha256 (PAYLOADDIGEST).
std::string facts_of(const PayloadDigests& digests)
{
    return std::to_string(digests.archive_size) + " " + digests.uncompressed_sha256 + " " +
           digests.compressed_sha256;
}

// An earlier build's payload placed at `output` (a hard link, else a copy) and checked there,
// with the records' digests filled in; nullopt when there is none or it does not verify.
std::optional<PayloadDigests> reuse(const PayloadCache& cache, const std::string& key,
                                    std::vector<FileRecord>& files, const fs::path& output)
{
    const auto cached = cache.find(key);
    if (!cached || !digests_fit(files, cached->digests))
    {
        return std::nullopt;
    }
    const auto facts = util::split(cached->facts, ' ');
    if (facts.size() != 3 || facts[1].size() != 64 || facts[2].size() != 64)
    {
        return std::nullopt;
    }
    PayloadDigests digests;
    try
    {
        digests.archive_size = std::stoull(facts[0]);
        digests.compressed_size = std::stoull(cached->fingerprint);
    }
    catch (const std::exception&)
    {
        return std::nullopt;
    }
    std::error_code ec;
    fs::remove(output, ec);
    if (::link(cached->data.c_str(), output.c_str()) != 0 &&
        !fs::copy_file(cached->data, output, ec))
    {
        return std::nullopt;
    }
    // Checked where the writer reads it: what goes into the package is what was verified, and
    // the header's PAYLOADDIGEST is taken from those bytes, not from the entry's text.
    const auto sha256 = util::digest_file(util::HashAlgorithm::sha256, output);
    if (!sha256 || util::to_hex(*sha256) != facts[2] || !cache.verify(*cached, output))
    {
        fs::remove(output, ec);
        return std::nullopt;
    }
    digests.uncompressed_sha256 = facts[1];
    digests.compressed_sha256 = facts[2];
    std::size_t next = 0;
    for (FileRecord& file : files)
    {
        if (is_regular(file))
        {
            file.digest = cached->digests[next++].second;
        }
    }
    return digests;
}

} // namespace

std::optional<std::string> payload_key(const std::vector<FileRecord>& files,
                                       const Compressor& compressor)
{
    util::CacheKey key("rpm-payload 1");
    key.add(adapters::archive::cpio_stream_identity());
    key.add(adapters::rpm::compressor_identity(compressor.mode));
    for (const FileRecord& file : files)
    {
        key.add(file.cpio_path);
        key.add(std::to_string(file.mode) + " " + std::to_string(file.mtime) + " " +
                std::to_string(file.inode) + " " + std::to_string(file.size));
        if (file.entry->type == EntryType::symlink)
        {
            key.add(file.entry->link_target);
        }
        else if (is_regular(file))
        {
            const auto name = content_name(file.entry, &file.entry->source, {});
            if (!name)
            {
                return std::nullopt;
            }
            key.add(*name);
        }
    }
    return key.hex();
}

Expected<void> write_package_reusing(const PackageInfo& info, const fs::path& output_path,
                                     const WriteOptions& options, const util::CacheStore& store)
{
    const auto cache = PayloadCache::open(store);
    if (!cache)
    {
        return write_package(info, output_path, options);
    }
    return write_package_with(
        info, output_path, options,
        [&](std::vector<FileRecord>& files, const Compressor& compressor, const fs::path& output,
            util::Progress& progress) -> Expected<PayloadDigests>
        {
            const auto key = payload_key(files, compressor);
            if (!key)
            {
                return write_payload(files, compressor, output, progress);
            }
            auto reused = reuse(*cache, *key, files, output);
            // A concurrent build of the same payload holds its lock until it is stored: wait,
            // then use it.
            std::optional<util::FileLock> lock;
            if (!reused && (lock = cache->lock(*key)))
            {
                reused = reuse(*cache, *key, files, output);
            }
            if (reused)
            {
                return *reused;
            }
            const PayloadDigests digests =
                PYDEB_TRY(write_payload(files, compressor, output, progress));
            FileDigests file_digests;
            for (const FileRecord& file : files)
            {
                if (is_regular(file))
                {
                    file_digests.emplace_back(file.cpio_path, file.digest);
                }
            }
            cache->store(*key, output, file_digests, facts_of(digests));
            return digests;
        });
}

} // namespace pydeb::package::rpm
