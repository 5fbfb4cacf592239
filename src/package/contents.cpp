#include "package/contents.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <set>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace pydeb::package
{

namespace
{

// FHS 3.0 §3-§6 hierarchy plus the directories Debian's base-files and systemd create. Sorted, for
// binary_search. Packages may put files in them but must not claim them (rpm: a second owner of
// /usr conflicts with filesystem.rpm's attributes; dpkg: harmless, yet never removed).
constexpr std::array k_shared_directories = std::to_array<std::string_view>({
    "/",
    "/bin",
    "/boot",
    "/etc",
    "/etc/cron.d",
    "/etc/default",
    "/etc/init.d",
    "/etc/logrotate.d",
    "/etc/profile.d",
    "/etc/sudoers.d",
    "/etc/systemd",
    "/etc/systemd/system",
    "/home",
    "/lib",
    "/lib/systemd",
    "/lib/systemd/system",
    "/lib64",
    "/media",
    "/mnt",
    "/opt",
    "/root",
    "/run",
    "/sbin",
    "/srv",
    "/tmp",
    "/usr",
    "/usr/bin",
    "/usr/games",
    "/usr/include",
    "/usr/lib",
    "/usr/lib/systemd",
    "/usr/lib/systemd/system",
    "/usr/lib/sysusers.d",
    "/usr/lib/tmpfiles.d",
    "/usr/lib64",
    "/usr/libexec",
    "/usr/local",
    "/usr/local/bin",
    "/usr/local/lib",
    "/usr/local/share",
    "/usr/sbin",
    "/usr/share",
    "/usr/share/applications",
    "/usr/share/bash-completion",
    "/usr/share/bash-completion/completions",
    "/usr/share/doc",
    "/usr/share/icons",
    "/usr/share/info",
    "/usr/share/licenses",
    "/usr/share/lintian",
    "/usr/share/lintian/overrides",
    "/usr/share/locale",
    "/usr/share/man",
    "/usr/share/man/man1",
    "/usr/share/man/man2",
    "/usr/share/man/man3",
    "/usr/share/man/man4",
    "/usr/share/man/man5",
    "/usr/share/man/man6",
    "/usr/share/man/man7",
    "/usr/share/man/man8",
    "/usr/share/pixmaps",
    "/usr/src",
    "/var",
    "/var/cache",
    "/var/lib",
    "/var/local",
    "/var/log",
    "/var/opt",
    "/var/spool",
    "/var/tmp",
});
static_assert(std::is_sorted(k_shared_directories.begin(), k_shared_directories.end()));

Expected<Entry> describe(const fs::path& stage_root, const fs::path& source)
{
    struct stat st
    {
    };
    if (::lstat(source.c_str(), &st) != 0)
    {
        return fail(source.string() + ": cannot stat: " + std::strerror(errno));
    }
    Entry entry;
    entry.path = "/" + source.lexically_relative(stage_root).generic_string();
    entry.source = source;
    entry.mode = static_cast<std::uint32_t>(st.st_mode & 07777);
    entry.mtime = st.st_mtime;
    if (S_ISDIR(st.st_mode))
    {
        entry.type = EntryType::directory;
        entry.owned_directory = !is_shared_system_directory(entry.path);
    }
    else if (S_ISREG(st.st_mode))
    {
        entry.type = EntryType::file;
        entry.size = static_cast<std::uint64_t>(st.st_size);
    }
    else if (S_ISLNK(st.st_mode))
    {
        entry.type = EntryType::symlink;
        entry.link_target = fs::read_symlink(source).string();
        entry.mode = 0777;
        entry.size = entry.link_target.size();
    }
    else
    {
        return fail(source.string() +
                    ": a socket, FIFO or device node cannot go into a package; remove it from "
                    "the staging tree");
    }
    return entry;
}

} // namespace

bool is_shared_system_directory(std::string_view path)
{
    return std::binary_search(k_shared_directories.begin(), k_shared_directories.end(), path);
}

Expected<std::vector<Entry>> collect_entries(const fs::path& stage_root,
                                             const std::vector<std::string>& config_paths)
{
    std::error_code ec;
    if (!fs::is_directory(stage_root, ec))
    {
        return fail(stage_root.string() + ": staging root is not a directory");
    }
    std::vector<Entry> entries;
    // recursive_directory_iterator does not descend into symlinked directories by default.
    fs::recursive_directory_iterator it(stage_root, fs::directory_options::none, ec);
    for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec))
    {
        entries.push_back(PYDEB_TRY(describe(stage_root, it->path())));
    }
    if (ec)
    {
        return fail(stage_root.string() + ": cannot walk the staging root: " + ec.message());
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.path < b.path; });

    std::set<std::string> wanted(config_paths.begin(), config_paths.end());
    for (Entry& entry : entries)
    {
        // Debian Policy §10.7.2 / dh_installdeb: every file under /etc is a conffile.
        const bool under_etc = entry.path.starts_with("/etc/");
        const bool listed = wanted.erase(entry.path) > 0;
        if (listed && entry.type != EntryType::file)
        {
            return fail(entry.path + ": listed as a config file but it is not a regular file");
        }
        if ((under_etc && entry.type == EntryType::file) || listed)
        {
            entry.config = ConfigFile::yes;
        }
    }
    if (!wanted.empty())
    {
        return fail(*wanted.begin() + ": listed as a config file but the staging root " +
                    stage_root.string() + " has no such file");
    }
    return entries;
}

} // namespace pydeb::package
