#include "util/directories.hpp"

#include "util/spare_directories.hpp"

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

using detail::is_dot_or_dotdot;

// Empty the open directory `directory` (closed here). Entries are unlinked while the stream is
// read, as systemd's rm_rf_children does: getdents continues from its own position, so removing
// names it has already returned skips nothing. Emptied subdirectories become spares, or are
// removed.
bool detail::remove_children(int directory, SpareDirectories* spares)
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
        if (child < 0 || ::fstat(child, &st) != 0 || !remove_children(child, spares) ||
            ((spares == nullptr || !spares->give(fd, name, st)) &&
             ::unlinkat(fd, name, AT_REMOVEDIR) != 0))
        {
            removed_all = false;
        }
    }
    ::closedir(stream);
    return removed_all;
}

bool remove_tree(const fs::path& path, SpareDirectories* spares)
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
    if (!detail::remove_children(directory, spares))
    {
        return false;
    }
    return (stat_ok && spares != nullptr && spares->give(AT_FDCWD, path.c_str(), st)) ||
           ::rmdir(path.c_str()) == 0;
}

int create_directory_at(int parent, const char* name, unsigned mode, SpareDirectories* spares)
{
    if (spares != nullptr)
    {
        const int spare = spares->take(parent, name, mode);
        if (spare >= 0 || errno == EEXIST)
        {
            return spare;
        }
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
