#include "package/deb/payload_cache.hpp"

#include "package/deb/data_tar.hpp"
#include "pydeb_config.h"
#include "util/cache_store.hpp"
#include "util/cache_validity.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::package::deb
{

namespace
{

constexpr std::string_view k_format = "pydeb-payload 1";

// Length-prefixed, so no field's bytes can be mistaken for the next field.
void add(util::Hasher& hasher, std::string_view field)
{
    hasher.update(std::to_string(field.size()) + ":");
    hasher.update(field);
}

// What the member's data bytes are: named by its producer, or by their md5.
std::optional<std::string> content_name(const Member& member)
{
    if (member.entry != nullptr && !member.entry->content_key.empty())
    {
        return "key " + member.entry->content_key;
    }
    if (const std::string* source = member.source())
    {
        const auto md5 = util::digest_file(util::HashAlgorithm::md5, *source);
        return md5 ? std::optional("md5 " + util::to_hex(*md5)) : std::nullopt;
    }
    const std::string_view contents =
        member.generated != nullptr ? member.generated->contents : std::string_view();
    return "md5 " + util::to_hex(util::digest(util::HashAlgorithm::md5, contents));
}

// "<size> <sha256>" of a data file, or nullopt when it cannot be read.
std::optional<std::string> data_fingerprint(const fs::path& data)
{
    std::error_code ec;
    const auto size = fs::file_size(data, ec);
    const auto sha = util::digest_file(util::HashAlgorithm::sha256, data);
    if (ec || !sha)
    {
        return std::nullopt;
    }
    return std::to_string(size) + " " + util::to_hex(*sha);
}

// The sums file: the format line, the data's fingerprint, then "<md5>  <path>" per file.
std::optional<std::pair<std::string, Md5sums>> parse_sums(const std::string& text)
{
    std::size_t at = text.find('\n');
    if (at == std::string::npos || text.substr(0, at) != k_format)
    {
        return std::nullopt;
    }
    const std::size_t line_end = text.find('\n', at + 1);
    if (line_end == std::string::npos)
    {
        return std::nullopt;
    }
    std::pair<std::string, Md5sums> out{text.substr(at + 1, line_end - at - 1), {}};
    for (at = line_end + 1; at < text.size();)
    {
        const std::size_t end = text.find('\n', at);
        if (end == std::string::npos || end - at < 35 || text.compare(at + 32, 2, "  ") != 0)
        {
            return std::nullopt;
        }
        out.second.emplace_back(text.substr(at + 34, end - at - 34), text.substr(at, 32));
        at = end + 1;
    }
    return out;
}

} // namespace

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

std::optional<std::string> PayloadCache::key(const std::vector<Member>& members,
                                             std::optional<std::int64_t> epoch, std::int64_t now,
                                             adapters::archive::TarCompression compression) const
{
    util::Hasher hasher(util::HashAlgorithm::sha256);
    add(hasher, k_format);
    add(hasher, PYDEB_VERSION);
    add(hasher, adapters::archive::tar_stream_identity(compression));
    for (const Member& member : members)
    {
        const auto meta = tar_meta(member, epoch, now);
        add(hasher, meta.path);
        add(hasher, std::to_string(static_cast<int>(member.type)) + " " +
                        std::to_string(meta.mode) + " " + std::to_string(meta.mtime) + " " +
                        std::to_string(member.size) + " " +
                        std::to_string(static_cast<int>(member.config())));
        if (member.type == EntryType::symlink)
        {
            add(hasher, member.entry->link_target);
        }
        else if (member.type == EntryType::file)
        {
            const auto name = content_name(member);
            if (!name)
            {
                return std::nullopt;
            }
            add(hasher, *name);
        }
    }
    return util::to_hex(hasher.finish());
}

std::optional<CachedPayload> PayloadCache::find(const std::string& key) const
{
    const auto text = util::read_file(sums_path(key));
    if (!text)
    {
        return std::nullopt;
    }
    auto sums = parse_sums(*text);
    std::error_code ec;
    const auto size = fs::file_size(data_path(key), ec);
    if (!sums || ec || !sums->first.starts_with(std::to_string(size) + " "))
    {
        return std::nullopt;
    }
    return CachedPayload{data_path(key), std::move(sums->second), std::move(sums->first)};
}

bool PayloadCache::verify(const CachedPayload& payload) const
{
    if (data_fingerprint(payload.data) != payload.fingerprint)
    {
        return false;
    }
    // Used now: the least recently used entries are the ones store() drops.
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

void PayloadCache::store(const std::string& key, const fs::path& data, const Md5sums& md5sums) const
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
    if (!fingerprint)
    {
        fs::remove(temporary, ec);
        return;
    }
    std::string text = std::string(k_format) + "\n" + *fingerprint + "\n";
    for (const auto& [path, md5] : md5sums)
    {
        text += md5 + "  " + path + "\n";
    }
    // The data first: an entry is complete once its sums exist.
    fs::rename(temporary, data_path(key), ec);
    if (ec || !util::write_file_atomic(sums_path(key), text))
    {
        fs::remove(temporary, ec);
        return;
    }
}

} // namespace pydeb::package::deb
