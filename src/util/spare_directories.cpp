#include "util/spare_directories.hpp"


#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <sys/syscall.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::util
{

namespace detail
{

bool is_dot_or_dotdot(const char* name)
{
    return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

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

} // namespace detail

using detail::is_dot_or_dotdot;
using detail::is_empty_directory;
using detail::remove_children;

SpareDirectories::~SpareDirectories()
{
    if (m_pool >= 0)
    {
        ::close(m_pool);
    }
}

int SpareDirectories::take(int parent, const char* name, unsigned mode)
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
            st.st_gid == ::getegid() && is_empty_directory(fd) && ::lseek(fd, 0, SEEK_SET) == 0 &&
            ::fchmod(fd, mode) == 0 && ::futimens(fd, nullptr) == 0)
        {
            return fd;
        }
        if (fd >= 0)
        {
            ::close(fd);
        }
        // Not as mkdir makes it (someone wrote into the cache): removed, and made afresh.
        const int stray = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (stray >= 0)
        {
            remove_children(stray, nullptr);
        }
        ::unlinkat(parent, name, AT_REMOVEDIR);
        return errno = 0, -1;
    }
    return errno = 0, -1;
}

bool SpareDirectories::give(int parent, const char* name, const struct stat& st)
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

bool SpareDirectories::open_pool()
{
    if (m_opened)
    {
        return m_pool >= 0;
    }
    m_opened = true;
    if (!m_directory)
    {
        return false;
    }
    std::error_code ec;
    fs::create_directories(*m_directory, ec);
    m_pool = ::open(m_directory->c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
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

} // namespace pydeb::util
