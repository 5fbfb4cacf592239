#include "install/cache/file_placement.hpp"

#include "install/wheel/stage_tree.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pydeb::install
{

namespace
{

std::string system_error(std::string_view what)
{
    return std::string(what) + ": " + std::strerror(errno);
}

Expected<void> write_all(int fd, const char* data, std::size_t size)
{
    while (size > 0)
    {
        const auto written = ::write(fd, data, size);
        if (written < 0 && errno == EINTR)
        {
            continue;
        }
        if (written <= 0)
        {
            return fail(system_error("write"));
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return {};
}

// The rest of `in` into `out` with read and write, where copy_file_range cannot go.
Expected<void> copy_by_hand(int in, int out)
{
    char buffer[64 * 1024];
    for (;;)
    {
        const auto count = ::read(in, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR)
        {
            continue;
        }
        if (count < 0)
        {
            return fail(system_error("read"));
        }
        if (count == 0)
        {
            return {};
        }
        PYDEB_TRY(write_all(out, buffer, static_cast<std::size_t>(count)));
    }
}

} // namespace

Expected<void> make_room(int directory, const char* name)
{
    struct stat st
    {
    };
    if (::fstatat(directory, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    {
        return errno == ENOENT ? Expected<void>{} : fail(system_error("stat"));
    }
    if (!S_ISREG(st.st_mode))
    {
        return fail(S_ISLNK(st.st_mode) ? "refusing to write through a symbolic link"
                                        : "a directory or special file is in the way");
    }
    if (::unlinkat(directory, name, 0) != 0)
    {
        return fail(system_error("unlink"));
    }
    return {};
}

Expected<void> copy_file_at(int source_root, const CacheFile& file, int directory, const char* name)
{
    const util::Fd in(::openat(source_root, file.path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!in)
    {
        return fail(system_error("open"));
    }
    constexpr int k_create = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    util::Fd out(::openat(directory, name, k_create, 0600));
    if (!out && errno == EEXIST)
    {
        PYDEB_TRY(make_room(directory, name));
        out = util::Fd(::openat(directory, name, k_create, 0600));
    }
    if (!out)
    {
        return fail(system_error("create"));
    }
    std::uint64_t done = 0;
    while (done < file.size)
    {
        // copy_file_range: in the kernel, and a reflink where the file system shares extents.
        const auto copied =
            ::copy_file_range(in.get(), nullptr, out.get(), nullptr, file.size - done, 0);
        if (copied > 0)
        {
            done += static_cast<std::uint64_t>(copied);
            continue;
        }
        if (copied == 0)
        {
            return fail("the cached file is shorter than its manifest says");
        }
        if (errno == EINTR)
        {
            continue;
        }
        if (done != 0 ||
            (errno != EXDEV && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP))
        {
            return fail(system_error("copy"));
        }
        PYDEB_TRY(copy_by_hand(in.get(), out.get()));
        break;
    }
    if (::fchmod(out.get(), file.mode) != 0)
    {
        return fail(system_error("chmod"));
    }
    return {};
}

bool link_file_at(int source_root, const CacheFile& file, int directory, const char* name)
{
    // The link keeps the entry's mtime: touching it would change the cache file too (one inode),
    // on every build. The pipeline knows these files (InstallReport::cached_files) and sets their
    // mtime in the package, so SOURCE_DATE_EPOCH gives the same package with and without the cache.
    return ::linkat(source_root, file.path.c_str(), directory, name, 0) == 0;
}

} // namespace pydeb::install
