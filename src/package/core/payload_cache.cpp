#include "package/core/payload_cache.hpp"

#include "util/files.hpp"
#include "util/hash.hpp"

#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::package
{

namespace
{

constexpr std::string_view k_format = "pydeb-payload 2";

// "<size> <XXH3-128>" of a data file, or nullopt when it cannot be read. A damage check, as the
// installed-wheel cache's (util::checksum_file), at memory speed: 0.02 s on the large app's 98 MB
// payload where sha256 took 0.08 s of a 1.2 s warm rebuild.
std::optional<std::string> data_fingerprint(const fs::path& data)
{
    std::error_code ec;
    const auto size = fs::file_size(data, ec);
    const auto checksum = util::checksum_file(data);
    if (ec || !checksum)
    {
        return std::nullopt;
    }
    return std::to_string(size) + " " + *checksum;
}

// The sums file: the format line, the data's fingerprint, the format's facts, then
// "<hex digest>  <path>" per file.
std::optional<CachedPayload> parse_sums(const std::string& text)
{
    std::vector<std::string_view> head;
    std::size_t at = 0;
    for (; head.size() < 3; ++at)
    {
        const std::size_t end = text.find('\n', at);
        if (end == std::string::npos)
        {
            return std::nullopt;
        }
        head.emplace_back(std::string_view(text).substr(at, end - at));
        at = end;
    }
    if (head[0] != k_format)
    {
        return std::nullopt;
    }
    CachedPayload out{{}, {}, std::string(head[2]), std::string(head[1])};
    while (at < text.size())
    {
        const std::size_t end = text.find('\n', at);
        const std::size_t gap = text.find("  ", at);
        if (end == std::string::npos || gap == std::string::npos || gap == at || gap + 2 >= end)
        {
            return std::nullopt;
        }
        out.digests.emplace_back(text.substr(gap + 2, end - gap - 2), text.substr(at, gap - at));
        at = end + 1;
    }
    return out;
}

} // namespace

std::optional<std::string> content_name(const Entry* entry, const std::string* source,
                                        std::string_view generated)
{
    if (entry != nullptr && !entry->content_key.empty())
    {
        return "key " + entry->content_key;
    }
    if (source != nullptr)
    {
        const auto md5 = util::digest_file(util::HashAlgorithm::md5, *source);
        return md5 ? std::optional("md5 " + util::to_hex(*md5)) : std::nullopt;
    }
    return "md5 " + util::to_hex(util::digest(util::HashAlgorithm::md5, generated));
}

std::optional<PayloadCache> PayloadCache::open(const util::CacheStore& store)
{
    if (auto dir = store.directory(util::CacheKind::payloads))
    {
        return PayloadCache(std::move(*dir));
    }
    return std::nullopt;
}

fs::path PayloadCache::data_path(const std::string& key) const
{
    return m_dir / (key + ".data");
}

fs::path PayloadCache::sums_path(const std::string& key) const
{
    return m_dir / (key + ".sums");
}

std::optional<CachedPayload> PayloadCache::find(const std::string& key) const
{
    const auto text = util::read_file(sums_path(key));
    if (!text)
    {
        return std::nullopt;
    }
    auto found = parse_sums(*text);
    std::error_code ec;
    const auto size = fs::file_size(data_path(key), ec);
    if (!found || ec || !found->fingerprint.starts_with(std::to_string(size) + " "))
    {
        return std::nullopt;
    }
    found->data = data_path(key);
    return found;
}

bool PayloadCache::verify(const CachedPayload& payload, const fs::path& data) const
{
    if (data_fingerprint(data) != payload.fingerprint)
    {
        return false;
    }
    // Used now: the least recently used entries are the ones the store's cleanup drops.
    std::error_code ec;
    const auto now = fs::file_time_type::clock::now();
    fs::last_write_time(payload.data, now, ec);
    fs::last_write_time(fs::path(payload.data).replace_extension(".sums"), now, ec);
    return true;
}

std::optional<util::FileLock> PayloadCache::lock(const std::string& key) const
{
    return util::CacheStore::lock_entry(m_dir, key);
}

void PayloadCache::store(const std::string& key, const fs::path& data, const FileDigests& digests,
                         std::string_view facts) const
{
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    // Named as the store's temporaries are, so cleanup removes one a killed build left.
    const fs::path temporary = m_dir / (".tmp-" + key + ".data-" + std::to_string(::getpid()));
    fs::remove(temporary, ec);
    if (::link(data.c_str(), temporary.c_str()) != 0 && !fs::copy_file(data, temporary, ec))
    {
        return;
    }
    const auto fingerprint = data_fingerprint(temporary);
    if (!fingerprint || facts.find('\n') != std::string_view::npos)
    {
        fs::remove(temporary, ec);
        return;
    }
    std::string text = std::string(k_format) + "\n" + *fingerprint + "\n" + std::string(facts) + "\n";
    for (const auto& [path, digest] : digests)
    {
        text += digest + "  " + path + "\n";
    }
    // The data first: an entry is complete once its sums exist.
    fs::rename(temporary, data_path(key), ec);
    if (ec || !util::write_file_atomic(sums_path(key), text))
    {
        fs::remove(temporary, ec);
        return;
    }
}

} // namespace pydeb::package
