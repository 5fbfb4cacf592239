#include "depmap/file_text.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace pydeb::depmap
{

namespace
{

// The whole file into `out`; false (errno set) on a read error.
bool read_all(int fd, std::size_t size, std::string& out)
{
    out.resize(size);
    std::size_t done = 0;
    while (done < out.size())
    {
        const auto got = ::read(fd, out.data() + done, out.size() - done);
        if (got < 0 && errno == EINTR)
        {
            continue;
        }
        if (got <= 0)
        {
            out.resize(done); // shrank since fstat: what is there
            return got == 0;
        }
        done += static_cast<std::size_t>(got);
    }
    return true;
}

} // namespace

std::optional<FileText> FileText::open(const std::filesystem::path& path)
{
    // O_NONBLOCK: a FIFO in its place must not hang the build (it is then refused as not regular).
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
    {
        return std::nullopt;
    }
    FileText file;
    struct stat st = {};
    bool ok = ::fstat(fd, &st) == 0;
    if (ok && !S_ISREG(st.st_mode))
    {
        errno = EINVAL;
        ok = false;
    }
    const auto size = ok ? static_cast<std::size_t>(st.st_size) : 0;
    if (ok && size <= k_read_limit)
    {
        ok = read_all(fd, size, file.m_read);
    }
    else if (ok)
    {
        void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        ok = data != MAP_FAILED;
        file.m_mapped = ok ? data : nullptr;
        file.m_size = ok ? size : 0;
    }
    const int saved = errno;
    ::close(fd);
    errno = saved;
    if (!ok)
    {
        return std::nullopt;
    }
    return file;
}

FileText::FileText(FileText&& other) noexcept
    : m_mapped(std::exchange(other.m_mapped, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_read(std::move(other.m_read))
{
}

FileText& FileText::operator=(FileText&& other) noexcept
{
    if (this != &other)
    {
        std::swap(m_mapped, other.m_mapped);
        std::swap(m_size, other.m_size);
        std::swap(m_read, other.m_read);
    }
    return *this;
}

FileText::~FileText()
{
    if (m_mapped != nullptr)
    {
        ::munmap(m_mapped, m_size);
    }
}

} // namespace pydeb::depmap
