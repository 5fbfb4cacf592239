#include "adapters/archive/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace pydeb::adapters::archive
{

namespace
{

constexpr std::size_t k_copy_chunk = 1024 * 1024;

std::string errno_text(int error)
{
    return std::strerror(error);
}

// The buffered fallback of append_file, from the source's current position.
Expected<std::uint64_t> append_by_reading(int fd, int in, const fs::path& source)
{
    std::vector<char> buffer(k_copy_chunk);
    std::uint64_t total = 0;
    for (;;)
    {
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n < 0)
        {
            return fail(source.string() + ": read failed: " + errno_text(errno));
        }
        if (n == 0)
        {
            return total;
        }
        if (const int error = write_fully(fd, {buffer.data(), static_cast<std::size_t>(n)}))
        {
            return fail("appending " + source.string() + ": write failed: " + errno_text(error));
        }
        total += static_cast<std::uint64_t>(n);
    }
}

} // namespace

Expected<util::Fd> create_file(const fs::path& path)
{
    util::Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0)
    {
        return fail(path.string() + ": cannot open for writing: " + errno_text(errno));
    }
    return fd;
}

int write_fully(int fd, std::string_view data)
{
    while (!data.empty())
    {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno != EINTR)
        {
            return errno;
        }
        data.remove_prefix(n < 0 ? 0 : static_cast<std::size_t>(n));
    }
    return 0;
}

Expected<std::uint64_t> append_file(int fd, const fs::path& source)
{
    const util::Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0)
    {
        return fail(source.string() + ": cannot read: " + errno_text(errno));
    }
    std::uint64_t total = 0;
    for (;;)
    {
        const ssize_t n = ::copy_file_range(in.get(), nullptr, fd, nullptr, k_copy_chunk * 64, 0);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n < 0 && total == 0 &&
            (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP))
        {
            return append_by_reading(fd, in.get(), source); // e.g. across file systems before 5.3
        }
        if (n < 0)
        {
            return fail("appending " + source.string() + ": " + errno_text(errno));
        }
        if (n == 0)
        {
            return total;
        }
        total += static_cast<std::uint64_t>(n);
    }
}

} // namespace pydeb::adapters::archive
