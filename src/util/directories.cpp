#include "util/directories.hpp"

#include "util/cache_dir.hpp"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <mutex>
#include <string>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace pydeb::util
{

namespace
{
constexpr std::size_t k_max_spares = 4096; // a few builds' worth of venv directories

bool remove_children(int directory);

bool is_dot_or_dotdot(const char* name)
{
    return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

// True when the open directory has no entry but "." and "..".
bool is_empty_directory(int fd)
{
    alignas(8) char buffer[1024];
    for (;;)
    {
        const long count = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
        if (count <= 0)
        {
            return count == 0;
        }
        for (long offset = 0; offset < count;)
        {
            const auto* item = reinterpret_cast<const dirent64*>(buffer + offset);
            if (!is_dot_or_dotdot(item->d_name))
            {
                return false;
            }
            offset += item->d_reclen;
        }
    }
}

// The pool of spare directories (files.hpp: create_directory_at). One per process, locked: stage
// directories are made on several threads.
class SpareDirectories
{
public:
    static SpareDirectories& instance()
    {
        static auto* spares = new SpareDirectories; // never destroyed: used by static TempDirs
        return *spares;
    }

    // A spare renamed to `name` in `parent` and opened (mode and times as mkdirat's), or -1 with
    // errno EEXIST when `name` exists, else with errno 0: make the directory instead.
    int take(int parent, const char* name, unsigned mode)
    {
        std::unique_lock lock(m_mutex);
        struct stat st
        {
        };
        if (!open_pool() || ::fstat(parent, &st) != 0 || st.st_dev != m_device ||
            (st.st_mode & S_ISGID) != 0)
        {
            return errno = 0, -1;
        }
        while (!m_names.empty())
        {
            const std::string spare = std::move(m_names.back());
            m_names.pop_back();
            if (::renameat2(m_pool, spare.c_str(), parent, name, RENAME_NOREPLACE) != 0)
            {
                if (errno == EEXIST)
                {
                    m_names.push_back(spare);
                    return -1;
                }
                if (errno == ENOENT)
                {
                    continue; // another pydeb took it
                }
                return errno = 0, -1;
            }
            lock.unlock();
            const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd >= 0 && ::fstat(fd, &st) == 0 && st.st_uid == ::geteuid() &&
                st.st_gid == ::getegid() && is_empty_directory(fd) &&
                ::lseek(fd, 0, SEEK_SET) == 0 && ::fchmod(fd, mode) == 0 &&
                ::futimens(fd, nullptr) == 0)
            {
                return fd;
            }
            if (fd >= 0)
            {
                ::close(fd);
            }
            // Not as mkdir makes it (someone wrote into the cache): removed, and made afresh.
            const int stray =
                ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (stray >= 0)
            {
                remove_children(stray);
            }
            ::unlinkat(parent, name, AT_REMOVEDIR);
            return errno = 0, -1;
        }
        return errno = 0, -1;
    }

    // Move the emptied directory `name` in `parent` (its stat `st`) into the pool, when there is
    // room and it can serve as a spare; false: the caller removes it.
    bool give(int parent, const char* name, const struct stat& st)
    {
        const std::lock_guard lock(m_mutex);
        if (!open_pool() || m_names.size() >= k_max_spares || st.st_dev != m_device ||
            st.st_uid != ::geteuid() || st.st_gid != ::getegid())
        {
            return false;
        }
        for (int attempt = 0; attempt < 4; ++attempt)
        {
            std::string spare = std::to_string(::getpid()) + "-" + std::to_string(++m_serial);
            if (::renameat2(parent, name, m_pool, spare.c_str(), RENAME_NOREPLACE) == 0)
            {
                m_names.push_back(std::move(spare));
                return true;
            }
            if (errno != EEXIST) // EXDEV, ENOSYS (no renameat2), ...: remove it as usual
            {
                return false;
            }
        }
        return false;
    }

private:
    // CACHE/spare-directories opened and listed, once; false with the cache off or unusable.
    bool open_pool()
    {
        if (m_opened)
        {
            return m_pool >= 0;
        }
        m_opened = true;
        const auto directory = cache_directory("spare-directories");
        if (!directory)
        {
            return false;
        }
        std::error_code ec;
        fs::create_directories(*directory, ec);
        m_pool = ::open(directory->c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        struct stat st
        {
        };
        if (m_pool < 0 || ::fstat(m_pool, &st) != 0)
        {
            return false;
        }
        m_device = st.st_dev;
        if (DIR* stream = ::fdopendir(::dup(m_pool)))
        {
            while (const dirent* item = ::readdir(stream))
            {
                if (item->d_name[0] != '.')
                {
                    m_names.emplace_back(item->d_name);
                }
            }
            ::closedir(stream);
        }
        return true;
    }

    std::mutex m_mutex;
    bool m_opened = false;
    int m_pool = -1;
    dev_t m_device = 0;
    std::vector<std::string> m_names; // spares in the pool, as far as this process knows
    unsigned m_serial = 0;
};

// Empty the open directory `directory` (closed here). Entries are unlinked while the stream is
// read, as systemd's rm_rf_children does: getdents continues from its own position, so removing
// names it has already returned skips nothing. Emptied subdirectories become spares, or are
// removed.
bool remove_children(int directory)
{
    DIR* stream = ::fdopendir(directory);
    if (stream == nullptr)
    {
        ::close(directory);
        return false;
    }
    bool removed_all = true;
    while (const dirent* item = ::readdir(stream))
    {
        const char* name = item->d_name;
        if (is_dot_or_dotdot(name))
        {
            continue;
        }
        const int fd = ::dirfd(stream);
        if (item->d_type != DT_DIR)
        {
            if (::unlinkat(fd, name, 0) == 0 || errno == ENOENT)
            {
                continue;
            }
            if (errno != EISDIR) // a directory the file system did not type (DT_UNKNOWN)
            {
                removed_all = false;
                continue;
            }
        }
        const int child = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        struct stat st
        {
        };
        if (child < 0 || ::fstat(child, &st) != 0 || !remove_children(child) ||
            (!SpareDirectories::instance().give(fd, name, st) &&
             ::unlinkat(fd, name, AT_REMOVEDIR) != 0))
        {
            removed_all = false;
        }
    }
    ::closedir(stream);
    return removed_all;
}

} // namespace

bool remove_tree(const fs::path& path)
{
    const int directory = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (directory < 0)
    {
        // Not a directory (a file, a symbolic link): unlink it; nothing there is done already.
        return ::unlink(path.c_str()) == 0 || errno == ENOENT;
    }
    struct stat st
    {
    };
    const bool stat_ok = ::fstat(directory, &st) == 0;
    if (!remove_children(directory))
    {
        return false;
    }
    return (stat_ok && SpareDirectories::instance().give(AT_FDCWD, path.c_str(), st)) ||
           ::rmdir(path.c_str()) == 0;
}

int create_directory_at(int parent, const char* name, unsigned mode)
{
    const int spare = SpareDirectories::instance().take(parent, name, mode);
    if (spare >= 0 || errno == EEXIST)
    {
        return spare;
    }
    if (::mkdirat(parent, name, mode) != 0)
    {
        return -1;
    }
    const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0 && ::fchmod(fd, mode) != 0) // the umask may have narrowed mkdir's mode
    {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

} // namespace pydeb::util
