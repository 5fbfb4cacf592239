#include "package/deb/members.hpp"

#include "package/contents.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::package::deb
{

namespace
{

// lexically_normal builds a path object per call; most paths are plainly normal, which a scan
// shows without allocating (no empty, "." or ".." element); the others get the exact test.
bool is_normalized(const std::string& path)
{
    const bool plain =
        path.find("//") == std::string::npos && path.find("/./") == std::string::npos &&
        path.find("/../") == std::string::npos && !path.ends_with("/.") && !path.ends_with("/..");
    return plain || fs::path(path).lexically_normal().generic_string() == path;
}

Expected<void> check_path(const std::string& path)
{
    if (!path.starts_with('/') || !is_normalized(path) || path.find('\n') != std::string::npos ||
        path.find('\r') != std::string::npos)
    {
        return fail("package entry '" + path +
                    "': paths must be absolute and normalized, without newlines");
    }
    return {};
}

// fs::path::parent_path() for the absolute, normalized paths check_path admits: "/a/b" -> "/a",
// "/a" -> "/", "/a/b/" -> "/a/b".
std::string_view parent_of(std::string_view path)
{
    const std::size_t slash = path.rfind('/');
    return slash == 0 ? path.substr(0, 1) : path.substr(0, slash);
}

Member directory(std::string_view path)
{
    Member member;
    member.path = path;
    member.type = EntryType::directory;
    member.mode = 0755; // root-owned 0755, as dpkg-deb would see it in a fresh tree
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
    member.entry = &entry;
    return member;
}

Member generated_file(const GeneratedFile& file)
{
    Member member;
    member.path = file.path;
    member.size = file.contents.size();
    member.generated = &file;
    return member;
}

bool by_path(const Member& a, const Member& b)
{
    return a.path < b.path;
}

// The member at `path` in members sorted by path, or nullptr.
const Member* find(const std::vector<Member>& members, std::string_view path)
{
    const auto it =
        std::lower_bound(members.begin(), members.end(), path,
                         [](const Member& m, std::string_view p) { return m.path < p; });
    return it != members.end() && it->path == path ? &*it : nullptr;
}

// Sort by path; of members with the same path the first planned stays (the root, then entries,
// then generated files), except that two entries with one path are an error.
Expected<void> sort_unique(std::vector<Member>& members)
{
    std::stable_sort(members.begin(), members.end(), by_path);
    std::vector<Member> unique;
    unique.reserve(members.size());
    for (const Member& member : members)
    {
        if (unique.empty() || unique.back().path != member.path)
        {
            unique.push_back(member);
        }
        else if (member.entry != nullptr && unique.back().entry != nullptr)
        {
            return fail("package entry '" + std::string(member.path) + "' appears twice");
        }
    }
    members = std::move(unique);
    return {};
}

} // namespace

Expected<std::vector<Member>> plan_members(const std::vector<Entry>& entries,
                                           const std::vector<GeneratedFile>& generated)
{
    std::vector<Member> members;
    members.reserve(entries.size() + generated.size() + 1);
    members.push_back(directory("/"));
    for (const Entry& entry : entries)
    {
        PYDEB_TRY(check_path(entry.path));
        if (entry.path != "/")
        {
            members.push_back(from_entry(entry));
        }
    }
    for (const GeneratedFile& file : generated)
    {
        PYDEB_TRY(check_path(file.path));
        members.push_back(generated_file(file));
    }
    PYDEB_TRY(sort_unique(members));
    // Parents the entries leave out. Their paths are prefixes of the members' own, so the views
    // stay valid as long as the entries and generated files do.
    std::vector<Member> parents;
    for (const Member& member : members)
    {
        for (std::string_view p = parent_of(member.path); p != "/"; p = parent_of(p))
        {
            if (find(members, p) == nullptr)
            {
                parents.push_back(directory(p));
            }
        }
    }
    members.insert(members.end(), parents.begin(), parents.end());
    PYDEB_TRY(sort_unique(members));
    for (const Member& member : members)
    {
        const Member* parent = find(members, parent_of(member.path));
        if (member.path != "/" && parent != nullptr && parent->type != EntryType::directory)
        {
            return fail("package entry '" + std::string(member.path) +
                        "' is below a path that is not a directory");
        }
    }
    // dpkg-deb feeds tar a strcmp-sorted list with symlinks last (dpkg's
    // src/deb/build.c, file_treewalk).
    std::stable_partition(members.begin(), members.end(),
                          [](const Member& m) { return m.type != EntryType::symlink; });
    return members;
}

} // namespace pydeb::package::deb
