#include "package/contents.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::package
{

namespace
{

// The staging tree walked by file descriptors: one getdents per directory and one fstatat per
// name relative to it, where std::filesystem resolves every full path again (3-5x the time on a
// venv's ~2300 entries, measured on issue #9's rebuild). Links are never followed: fstatat with
// AT_SYMLINK_NOFOLLOW, directories opened with O_NOFOLLOW.
class StageWalk
{
public:
    StageWalk(const fs::path& stage_root, std::vector<Entry>& entries)
        : m_root(stage_root.string()), m_entries(entries)
    {
        while (m_root.size() > 1 && m_root.ends_with('/'))
        {
            m_root.pop_back();
        }
        if (m_root == "/")
        {
            m_root.clear(); // "" + "/opt/..." is the source path
        }
    }

    // Describe everything below the open directory `directory`, whose target path is `path`
    // ("" for the root).
    Expected<void> walk(int directory, const std::string& path)
    {
        DIR* stream = ::fdopendir(directory);
        if (stream == nullptr)
        {
            ::close(directory);
            return fail(m_root + path + ": cannot list: " + std::strerror(errno));
        }
        const std::unique_ptr<DIR, int (*)(DIR*)> closer(stream, ::closedir);
        errno = 0;
        while (const dirent* item = ::readdir(stream))
        {
            const std::string_view name = item->d_name;
            if (name != "." && name != "..")
            {
                PYDEB_TRY(describe(::dirfd(stream), item->d_name, path + "/" + item->d_name));
            }
            errno = 0;
        }
        if (errno != 0)
        {
            return fail(m_root + path + ": cannot walk the staging root: " + std::strerror(errno));
        }
        return {};
    }

private:
    Expected<void> describe(int directory, const char* name, std::string path)
    {
        struct stat st
        {
        };
        Entry entry;
        entry.source = m_root + path;
        if (::fstatat(directory, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        {
            return fail(entry.source + ": cannot stat: " + std::strerror(errno));
        }
        entry.mode = static_cast<std::uint32_t>(st.st_mode & 07777);
        entry.mtime = st.st_mtime;
        if (S_ISDIR(st.st_mode))
        {
            entry.type = EntryType::directory;
            entry.owned_directory = !is_shared_system_directory(path);
            const int child =
                ::openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child < 0)
            {
                return fail(entry.source + ": cannot open: " + std::strerror(errno));
            }
            entry.path = path;
            m_entries.push_back(std::move(entry));
            return walk(child, path);
        }
        if (S_ISREG(st.st_mode))
        {
            entry.type = EntryType::file;
            entry.size = static_cast<std::uint64_t>(st.st_size);
        }
        else if (S_ISLNK(st.st_mode))
        {
            entry.type = EntryType::symlink;
            entry.link_target = PYDEB_TRY(read_link(directory, name, st, entry.source));
            entry.mode = 0777;
            entry.size = entry.link_target.size();
        }
        else
        {
            return fail(entry.source +
                        ": a socket, FIFO or device node cannot go into a package; remove it "
                        "from the staging tree");
        }
        entry.path = std::move(path);
        m_entries.push_back(std::move(entry));
        return {};
    }

    static Expected<std::string> read_link(int directory, const char* name, const struct stat& st,
                                           const fs::path& source)
    {
        // st_size is the target's length on Linux file systems (0 on some pseudo ones: grow).
        std::string target(std::max<std::size_t>(static_cast<std::size_t>(st.st_size), 64), '\0');
        for (;;)
        {
            const auto length = ::readlinkat(directory, name, target.data(), target.size());
            if (length < 0)
            {
                return fail(source.string() + ": cannot read the link: " + std::strerror(errno));
            }
            if (static_cast<std::size_t>(length) < target.size())
            {
                target.resize(static_cast<std::size_t>(length));
                return target;
            }
            target.resize(target.size() * 2);
        }
    }

    std::string m_root;
    std::vector<Entry>& m_entries;
};

} // namespace

Expected<std::vector<Entry>> collect_entries(const fs::path& stage_root,
                                             const std::vector<std::string>& config_paths)
{
    std::error_code ec;
    if (!fs::is_directory(stage_root, ec))
    {
        return fail(stage_root.string() + ": staging root is not a directory");
    }
    const int root = ::open(stage_root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root < 0)
    {
        return fail(stage_root.string() +
                    ": cannot walk the staging root: " + std::strerror(errno));
    }
    std::vector<Entry> entries;
    entries.reserve(4096); // a venv with numpy: ~2300; growing moves every Entry again
    PYDEB_TRY(StageWalk(stage_root, entries).walk(root, ""));
    std::ranges::sort(entries, {}, &Entry::path);

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
