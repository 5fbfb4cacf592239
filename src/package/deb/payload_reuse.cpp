#include "package/deb/payload_reuse.hpp"

#include "package/core/payload_cache.hpp"
#include "package/deb/assembly.hpp"
#include "package/deb/data_tar.hpp"
#include "util/file_lock.hpp"

#include <optional>
#include <utility>

namespace pydeb::package::deb
{

namespace
{

// The summary for a cached payload, if its md5sums are the ones these members need: the same
// files, in the same order.
std::optional<DataSummary> reuse_summary(const std::vector<Member>& members, FileDigests md5sums)
{
    DataSummary summary = summarize_members(members);
    std::size_t next = 0;
    for (const Member& member : members)
    {
        if (member.type != EntryType::file || member.config() == ConfigFile::yes)
        {
            continue;
        }
        if (next == md5sums.size() || md5sums[next].first != member.path ||
            md5sums[next].second.size() != 32)
        {
            return std::nullopt;
        }
        ++next;
    }
    if (next != md5sums.size())
    {
        return std::nullopt;
    }
    summary.md5sums = std::move(md5sums);
    return summary;
}

} // namespace

std::optional<std::string> payload_key(const std::vector<Member>& members,
                                       std::optional<std::int64_t> epoch, std::int64_t now,
                                       adapters::archive::TarCompression compression)
{
    util::CacheKey key("deb-payload 1");
    key.add(adapters::archive::tar_stream_identity(compression));
    for (const Member& member : members)
    {
        const auto meta = tar_meta(member, epoch, now);
        key.add(meta.path);
        key.add(std::to_string(static_cast<int>(member.type)) + " " + std::to_string(meta.mode) +
                " " + std::to_string(meta.mtime) + " " + std::to_string(member.size) + " " +
                std::to_string(static_cast<int>(member.config())));
        if (member.type == EntryType::symlink)
        {
            key.add(member.entry->link_target);
        }
        else if (member.type == EntryType::file)
        {
            const auto name = content_name(
                member.entry, member.source(),
                member.generated != nullptr ? std::string_view(member.generated->contents) : "");
            if (!name)
            {
                return std::nullopt;
            }
            key.add(*name);
        }
    }
    return key.hex();
}

Expected<void> write_package_reusing(const PackageInfo& info,
                                     const std::filesystem::path& output_path,
                                     const WriteOptions& options, const util::CacheStore& store)
{
    const DebPlan plan = PYDEB_TRY(plan_package(info, output_path));
    const auto cache = PayloadCache::open(store);
    const auto key = cache ? payload_key(plan.members, info.source_date_epoch, plan.now,
                                         plan.compression)
                           : std::nullopt;
    if (!key)
    {
        return write_planned(info, plan, output_path, options);
    }
    // A verified payload of an earlier build; a damaged one is written afresh below.
    const auto reusable = [&]() -> std::optional<std::pair<DataSummary, CachedPayload>>
    {
        auto cached = cache->find(*key);
        auto summary = cached ? reuse_summary(plan.members, cached->digests) : std::nullopt;
        if (!summary || !cache->verify(*cached))
        {
            return std::nullopt;
        }
        return std::pair{std::move(*summary), std::move(*cached)};
    };
    auto reused = reusable();
    // A concurrent build of the same payload holds its lock until it is stored: wait, then use it.
    std::optional<util::FileLock> lock;
    if (!reused && (lock = cache->lock(*key)))
    {
        reused = reusable();
    }
    if (reused)
    {
        return write_around(info, plan, reused->first, reused->second.data, output_path, options);
    }
    return write_planned(info, plan, output_path, options,
                         [&](const std::filesystem::path& data, const DataSummary& summary)
                         { cache->store(*key, data, summary.md5sums); });
}

} // namespace pydeb::package::deb
