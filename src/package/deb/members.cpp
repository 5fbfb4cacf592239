#include "package/deb/members.hpp"

#include "package/contents.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <map>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace pydeb::package::deb
{

namespace
{

Expected<void> check_path(const std::string& path)
{
    const bool normalized = fs::path(path).lexically_normal().generic_string() == path;
    if (!path.starts_with('/') || !normalized || path.find('\n') != std::string::npos ||
        path.find('\r') != std::string::npos)
    {
        return fail("package entry '" + path +
                    "': paths must be absolute and normalized, without newlines");
    }
    return {};
}

std::string tar_path(const Member& member)
{
    if (member.path == "/")
    {
        return "./";
    }
    return "." + member.path + (member.type == EntryType::directory ? "/" : "");
}

std::int64_t mtime_of(const Member& member, std::optional<std::int64_t> epoch, std::int64_t now)
{
    struct stat st
    {
    };
    if (!member.source.empty() && ::lstat(member.source.c_str(), &st) == 0)
    {
        // SOURCE_DATE_EPOCH spec rev 1.1: clamp, so only files newer than the epoch change.
        return epoch ? std::min<std::int64_t>(st.st_mtime, *epoch) : st.st_mtime;
    }
    return epoch.value_or(now);
}

Member directory(const std::string& path, std::uint32_t mode)
{
    Member member;
    member.path = path;
    member.type = EntryType::directory;
    member.mode = mode;
    return member;
}

// Base-system directories keep the modes every Debian system gives them, whatever umask staged
// them: the package must not turn an existing /opt or /usr/bin into 0700 on the target.
std::uint32_t system_directory_mode(std::string_view path)
{
    if (path == "/tmp" || path == "/var/tmp")
    {
        return 01777;
    }
    return path == "/root" ? 0700 : 0755;
}

Member from_entry(const Entry& entry)
{
    Member member;
    member.path = entry.path;
    member.type = entry.type;
    member.mode = entry.mode & 07777;
    if (entry.type == EntryType::directory && is_shared_system_directory(entry.path))
    {
        member.mode = system_directory_mode(entry.path);
    }
    member.size = entry.size;
    member.source = entry.type == EntryType::file ? entry.source : fs::path();
    member.link_target = entry.link_target;
    member.config = entry.config;
    return member;
}

Member generated_file(const GeneratedFile& file)
{
    Member member;
    member.path = file.path;
    member.size = file.contents.size();
    member.contents = file.contents;
    return member;
}

} // namespace

Expected<std::vector<Member>> plan_members(const std::vector<Entry>& entries,
                                           const std::vector<GeneratedFile>& generated)
{
    std::map<std::string, Member> by_path;
    by_path["/"] = directory("/", 0755);
    for (const Entry& entry : entries)
    {
        PYDEB_TRY(check_path(entry.path));
        Member member = from_entry(entry);
        if (entry.path != "/" && !by_path.emplace(entry.path, std::move(member)).second)
        {
            return fail("package entry '" + entry.path + "' appears twice");
        }
    }
    for (const GeneratedFile& file : generated)
    {
        PYDEB_TRY(check_path(file.path));
        by_path.emplace(file.path, generated_file(file));
    }
    // Parents the entries leave out: root-owned 0755, as dpkg-deb would see them in a fresh tree.
    std::vector<std::string> parents;
    for (const auto& [path, member] : by_path)
    {
        for (fs::path p = fs::path(path).parent_path(); p != "/" && !p.empty(); p = p.parent_path())
        {
            parents.push_back(p.generic_string());
        }
    }
    for (const std::string& parent : parents)
    {
        by_path.emplace(parent, directory(parent, 0755));
    }
    std::vector<Member> members;
    for (auto& [path, member] : by_path)
    {
        const auto parent = by_path.find(fs::path(path).parent_path().generic_string());
        if (path != "/" && parent != by_path.end() && parent->second.type != EntryType::directory)
        {
            return fail("package entry '" + path + "' is below a path that is not a directory");
        }
        members.push_back(std::move(member));
    }
    // dpkg-deb feeds tar a strcmp-sorted list with symlinks last (deb.md 4: build.c treewalk).
    std::stable_partition(members.begin(), members.end(),
                          [](const Member& m) { return m.type != EntryType::symlink; });
    return members;
}

Expected<DataSummary> write_data_tar(const std::vector<Member>& members, const fs::path& output,
                                     adapters::archive::TarCompression compression,
                                     std::optional<std::int64_t> epoch, std::int64_t now)
{
    using adapters::archive::TarMeta;
    auto tar = PYDEB_TRY(adapters::archive::TarWriter::create(output, compression));
    DataSummary summary;
    for (const Member& member : members)
    {
        const TarMeta meta{tar_path(member), member.mode, mtime_of(member, epoch, now)};
        switch (member.type)
        {
        case EntryType::directory:
            PYDEB_TRY(tar.add_directory(meta));
            summary.objects.push_back({EntryType::directory, 0});
            continue;
        case EntryType::symlink:
            PYDEB_TRY(tar.add_symlink(meta, member.link_target));
            summary.objects.push_back({EntryType::symlink, member.link_target.size()});
            continue;
        case EntryType::file:
            break;
        }
        util::Hasher md5(util::HashAlgorithm::md5);
        if (member.source.empty())
        {
            md5.update(member.contents);
            PYDEB_TRY(tar.add_file(meta, member.contents));
        }
        else
        {
            PYDEB_TRY(tar.add_file_from(meta, member.source, member.size,
                                        [&md5](std::string_view chunk) { md5.update(chunk); }));
        }
        const std::string hex = util::to_hex(md5.finish());
        summary.objects.push_back({EntryType::file, member.size});
        // dh_md5sums: conffiles are left out of md5sums (dpkg tracks their hashes in conffiles).
        if (member.config == ConfigFile::yes)
        {
            summary.conffiles.push_back(member.path);
        }
        else
        {
            summary.md5sums.emplace_back(member.path, hex);
        }
    }
    PYDEB_TRY(tar.finish());
    return summary;
}

} // namespace pydeb::package::deb
