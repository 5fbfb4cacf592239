#include "package/rpm/file_list.hpp"

#include "adapters/rpm/tags.hpp"

#include <algorithm>
#include <ctime>
#include <limits>
#include <map>
#include <sys/stat.h>

namespace pydeb::package::rpm
{

namespace
{

// rpmbuild marks what it installs under %__docdir_path as %doc (rpm's macros: %{_datadir}/doc,
// man and info), so `rpm --excludedocs` leaves it out and rpmlint's not-listed-as-documentation
// holds; the package's SBOM lives there.
bool is_documentation(std::string_view path)
{
    return path.starts_with("/usr/share/doc/") || path.starts_with("/usr/share/man/") ||
           path.starts_with("/usr/share/info/");
}

constexpr std::uint16_t k_regular = 0100000;   // S_IFREG
constexpr std::uint16_t k_directory = 0040000; // S_IFDIR
constexpr std::uint16_t k_symlink = 0120000;   // S_IFLNK
constexpr std::uint64_t k_directory_size = 4096;

// mtime of the staged path, clamped to SOURCE_DATE_EPOCH (reproducible-builds.org's rule:
// never newer than the source date; older files keep their time).
std::uint32_t clamped_mtime(const Entry& entry, std::optional<std::int64_t> source_date_epoch)
{
    std::int64_t mtime = source_date_epoch.value_or(std::time(nullptr));
    std::optional<std::int64_t> staged = entry.source.empty() ? std::nullopt : entry.mtime;
    struct stat st
    {
    };
    if (!entry.source.empty() && !staged && ::lstat(entry.source.c_str(), &st) == 0)
    {
        staged = st.st_mtime; // an entry not made by collect_entries
    }
    if (staged)
    {
        mtime = source_date_epoch ? std::min<std::int64_t>(*staged, *source_date_epoch) : *staged;
    }
    return static_cast<std::uint32_t>(std::clamp<std::int64_t>(mtime, 0, UINT32_MAX));
}

} // namespace

Expected<std::vector<FileRecord>> plan_files(const std::vector<Entry>& entries,
                                             std::optional<std::int64_t> source_date_epoch)
{
    std::vector<const Entry*> sorted;
    for (const auto& entry : entries)
    {
        if (entry.path.size() < 2 || entry.path.front() != '/' || entry.path.back() == '/')
        {
            return fail("package entry '" + entry.path +
                        "': rpm needs an absolute path without a trailing '/'");
        }
        if (entry.type != EntryType::directory || entry.owned_directory)
        {
            sorted.push_back(&entry);
        }
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const Entry* a, const Entry* b) { return a->path < b->path; });
    std::vector<FileRecord> out;
    out.reserve(sorted.size());
    for (const Entry* entry : sorted)
    {
        if (!out.empty() && out.back().entry->path == entry->path)
        {
            return fail("package entry '" + entry->path + "' is listed twice");
        }
        FileRecord record;
        record.entry = entry;
        record.cpio_path = "." + entry->path;
        record.mtime = clamped_mtime(*entry, source_date_epoch);
        record.inode = static_cast<std::uint32_t>(out.size() + 1);
        const auto permissions = static_cast<std::uint16_t>(entry->mode & 07777);
        switch (entry->type)
        {
        case EntryType::file:
            record.mode = k_regular | permissions;
            record.size = entry->size;
            if (entry->size > std::numeric_limits<std::uint32_t>::max())
            {
                return fail(entry->path + ": " + std::to_string(entry->size) +
                            " bytes; rpm's cpio payload cannot hold files of 4 GiB or more");
            }
            if (entry->config == ConfigFile::yes)
            {
                record.flags =
                    adapters::rpm::file_flag::config | adapters::rpm::file_flag::noreplace;
            }
            else if (is_documentation(entry->path))
            {
                record.flags = adapters::rpm::file_flag::doc;
            }
            break;
        case EntryType::directory:
            record.mode = k_directory | permissions;
            record.size = k_directory_size;
            break;
        case EntryType::symlink:
            record.mode = k_symlink | 0777;
            record.size = entry->link_target.size();
            break;
        }
        out.push_back(std::move(record));
    }
    return out;
}

FileNames split_names(const std::vector<FileRecord>& files)
{
    FileNames names;
    std::map<std::string, std::uint32_t, std::less<>> index;
    for (const auto& file : files)
    {
        const auto& path = file.entry->path;
        const auto slash = path.rfind('/');
        std::string dir = path.substr(0, slash + 1);
        auto [it, inserted] =
            index.try_emplace(dir, static_cast<std::uint32_t>(names.dir_names.size()));
        if (inserted)
        {
            names.dir_names.push_back(std::move(dir));
        }
        names.dir_indexes.push_back(it->second);
        names.base_names.push_back(path.substr(slash + 1));
    }
    return names;
}

} // namespace pydeb::package::rpm
