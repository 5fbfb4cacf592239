#include "package/deb/data_tar.hpp"

#include "package/core/digesting_reader.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace pydeb::package::deb
{

namespace
{

std::string tar_path(const Member& member)
{
    if (member.path == "/")
    {
        return "./";
    }
    std::string path = ".";
    path += member.path;
    if (member.type == EntryType::directory)
    {
        path += '/';
    }
    return path;
}

// Staged files keep their own mtime (as collected, else as lstat sees it now); anything else
// gets the build's time.
std::optional<std::int64_t> source_mtime(const Member& member)
{
    const std::string* source = member.source();
    if (source == nullptr || member.entry->mtime)
    {
        return source != nullptr ? member.entry->mtime : std::nullopt;
    }
    struct stat st
    {
    };
    return ::lstat(source->c_str(), &st) == 0 ? std::optional<std::int64_t>(st.st_mtime)
                                              : std::nullopt;
}

std::int64_t mtime_of(const Member& member, std::optional<std::int64_t> epoch, std::int64_t now)
{
    if (const auto mtime = source_mtime(member))
    {
        // SOURCE_DATE_EPOCH spec rev 1.1: clamp, so only files newer than the epoch change.
        return epoch ? std::min<std::int64_t>(*mtime, *epoch) : *mtime;
    }
    return epoch.value_or(now);
}

} // namespace

adapters::archive::TarMeta tar_meta(const Member& member, std::optional<std::int64_t> epoch,
                                    std::int64_t now)
{
    return {tar_path(member), member.mode, mtime_of(member, epoch, now)};
}

DataSummary summarize_members(const std::vector<Member>& members)
{
    DataSummary summary;
    for (const Member& member : members)
    {
        switch (member.type)
        {
        case EntryType::directory:
            summary.objects.push_back({EntryType::directory, 0});
            break;
        case EntryType::symlink:
            summary.objects.push_back({EntryType::symlink, member.entry->link_target.size()});
            break;
        case EntryType::file:
            summary.objects.push_back({EntryType::file, member.size});
            break;
        }
        if (member.type == EntryType::file && member.config() == ConfigFile::yes)
        {
            summary.conffiles.emplace_back(member.path);
        }
    }
    return summary;
}

Expected<DataTar> DataTar::create(const fs::path& output,
                                  adapters::archive::TarCompression compression)
{
    return DataTar(PYDEB_TRY(adapters::archive::TarWriter::create(output, compression)));
}

Expected<DataSummary> DataTar::write_members(const std::vector<Member>& members,
                                             std::optional<std::int64_t> epoch, std::int64_t now,
                                             util::Progress& progress)
{
    using adapters::archive::TarMeta;
    adapters::archive::TarWriter& tar = m_tar;
    DigestingReader reader(util::HashAlgorithm::md5);
    const auto into_tar = [&tar](std::string_view piece) { return tar.write_data(piece); };
    // Installed-Size objects and conffiles follow from the members; md5sums from the bytes.
    DataSummary summary = summarize_members(members);
    std::vector<std::pair<std::size_t, std::size_t>> read_files; // md5sums line, reader's number
    for (const Member& member : members)
    {
        const TarMeta meta = tar_meta(member, epoch, now);
        switch (member.type)
        {
        case EntryType::directory:
            PYDEB_TRY(tar.add_directory(meta));
            continue;
        case EntryType::symlink:
            PYDEB_TRY(tar.add_symlink(meta, member.entry->link_target));
            continue;
        case EntryType::file:
            break;
        }
        progress.add(util::Count::bytes_in, member.size);
        std::string hex;
        std::optional<std::size_t> number;
        if (const std::string* source = member.source())
        {
            PYDEB_TRY(tar.begin_file(meta, member.size));
            number = PYDEB_TRY(reader.read(*source, member.size, into_tar));
        }
        else
        {
            const std::string_view contents =
                member.generated != nullptr ? member.generated->contents : std::string_view();
            hex = util::to_hex(util::digest(util::HashAlgorithm::md5, contents));
            PYDEB_TRY(tar.add_file(meta, contents));
        }
        // dh_md5sums: conffiles are left out of md5sums (dpkg tracks their hashes in conffiles).
        if (member.config() == ConfigFile::yes)
        {
            continue;
        }
        if (number)
        {
            read_files.emplace_back(summary.md5sums.size(), *number);
        }
        summary.md5sums.emplace_back(std::string(member.path), std::move(hex));
    }
    const std::vector<std::string> digests = reader.digests();
    for (const auto& [line, number] : read_files)
    {
        summary.md5sums[line].second = digests[number];
    }
    return summary;
}

Expected<void> DataTar::finish()
{
    return m_tar.finish();
}

} // namespace pydeb::package::deb
