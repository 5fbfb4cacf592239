#include "adapters/rpm/compressed_file.hpp"

#include <lzma.h>
#include <rpm/rpmio.h>
#include <rpm/rpmlib.h>
#include <zlib.h>
#include <zstd.h>
#include <utility>

namespace pydeb::adapters::rpm
{

std::string compressor_identity(const std::string& mode)
{
    return "rpmio " + std::string(RPMVERSION) + " " + mode + ", libzstd " + ZSTD_versionString() +
           ", liblzma " + lzma_version_string() + ", zlib " + zlibVersion();
}

namespace
{

FD_t fd_of(void* fd)
{
    return static_cast<FD_t>(fd);
}

} // namespace

Expected<CompressedFile> CompressedFile::create(const std::filesystem::path& path,
                                                const std::string& mode)
{
    FD_t fd = Fopen(path.c_str(), mode.c_str());
    if (fd == nullptr || Ferror(fd) != 0)
    {
        std::string reason = fd != nullptr ? Fstrerror(fd) : "unknown error";
        if (fd != nullptr)
        {
            Fclose(fd);
        }
        return fail(path.string() + ": cannot open for compressed writing (" + mode +
                    "): " + reason);
    }
    return CompressedFile(fd, path);
}

CompressedFile::~CompressedFile()
{
    if (m_fd != nullptr)
    {
        Fclose(fd_of(m_fd));
    }
}

CompressedFile::CompressedFile(CompressedFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, nullptr)), m_path(std::move(other.m_path))
{
}

Expected<void> CompressedFile::write(std::span<const std::byte> data)
{
    if (m_fd == nullptr)
    {
        return fail(m_path.string() + ": write after close");
    }
    if (data.empty())
    {
        return {};
    }
    const ssize_t written = Fwrite(data.data(), 1, data.size(), fd_of(m_fd));
    if (written < 0 || static_cast<std::size_t>(written) != data.size() || Ferror(fd_of(m_fd)) != 0)
    {
        return fail(m_path.string() + ": compressed write failed: " + Fstrerror(fd_of(m_fd)));
    }
    return {};
}

Expected<void> CompressedFile::close()
{
    if (m_fd == nullptr)
    {
        return {};
    }
    const int rc = Fclose(fd_of(std::exchange(m_fd, nullptr)));
    if (rc != 0)
    {
        return fail(m_path.string() + ": closing the compressed stream failed (disk full?)");
    }
    return {};
}

} // namespace pydeb::adapters::rpm
