#include "util/files.hpp"

#include "util/interrupt_cleanup.hpp"
#include "util/spare_directories.hpp"


#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sstream>
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

std::string errno_text()
{
    return std::strerror(errno);
}

} // namespace

bool has_elf_magic(std::string_view bytes)
{
    return bytes.starts_with("\x7f"
                             "ELF");
}

bool has_elf_magic(int fd)
{
    std::array<char, 4> magic{};
    return ::pread(fd, magic.data(), magic.size(), 0) == 4 &&
           has_elf_magic(std::string_view(magic.data(), magic.size()));
}

Expected<std::string> read_file(const fs::path& path)
{
    // O_NONBLOCK: a FIFO in the file's place must not hang the build; it is refused below.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
    {
        const int error = errno;
        auto failure = fail(path.string() + ": cannot read: " + std::strerror(error));
        errno = error;
        return failure;
    }
    struct stat info
    {
    };
    int error = ::fstat(fd, &info) != 0 ? errno : S_ISREG(info.st_mode) ? 0 : EINVAL;
    std::string out;
    if (error == 0)
    {
        // One read(2) of the size fstat gives, then until EOF: the file may grow meanwhile.
        out.resize(static_cast<std::size_t>(info.st_size));
        std::size_t done = 0;
        for (;;)
        {
            if (done == out.size())
            {
                out.resize(out.size() + 65536);
            }
            const ssize_t got = ::read(fd, out.data() + done, out.size() - done);
            if (got < 0 && errno == EINTR)
            {
                continue;
            }
            if (got <= 0)
            {
                error = got < 0 ? errno : 0;
                break;
            }
            done += static_cast<std::size_t>(got);
        }
        out.resize(done);
    }
    ::close(fd);
    if (error != 0)
    {
        auto failure = fail(path.string() + ": cannot read: " +
                            (error == EINVAL ? std::string("not a regular file")
                                             : std::string(std::strerror(error))));
        errno = error;
        return failure;
    }
    return out;
}

Expected<void> write_file_atomic(const fs::path& path, std::string_view data, fs::perms mode)
{
    auto output = PYDEB_TRY(AtomicOutput::create(path));
    {
        std::ofstream out(output.temporary_path(), std::ios::binary | std::ios::trunc);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        if (!out)
        {
            return fail(output.temporary_path().string() + ": write failed: " + errno_text());
        }
    }
    return output.commit(mode);
}

AtomicOutput::AtomicOutput(fs::path final_path, fs::path temporary)
    : m_final(std::move(final_path)), m_temporary(std::move(temporary))
{
}

Expected<AtomicOutput> AtomicOutput::create(const fs::path& final_path)
{
    const fs::path dir = final_path.has_parent_path() ? final_path.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::string pattern = (dir / ("." + final_path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
    {
        return fail(dir.string() + ": cannot create a temporary file: " + errno_text());
    }
    ::close(fd);
    InterruptCleanup::track(pattern);
    return AtomicOutput(final_path, pattern);
}

AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept
    : m_final(std::move(other.m_final)), m_temporary(std::move(other.m_temporary)),
      m_done(other.m_done)
{
    other.m_done = true;
}

AtomicOutput::~AtomicOutput()
{
    if (!m_done)
    {
        std::error_code ec;
        fs::remove(m_temporary, ec);
        InterruptCleanup::untrack(m_temporary);
    }
}

Expected<void> AtomicOutput::commit(fs::perms mode)
{
    std::error_code ec;
    fs::permissions(m_temporary, mode, fs::perm_options::replace, ec);
    const int fd = ::open(m_temporary.c_str(), O_RDONLY);
    if (fd >= 0)
    {
        ::fsync(fd);
        ::close(fd);
    }
    if (::rename(m_temporary.c_str(), m_final.c_str()) != 0)
    {
        return fail(m_final.string() +
                    ": cannot move the finished file into place: " + errno_text());
    }
    InterruptCleanup::untrack(m_temporary);
    m_done = true;
    return {};
}

namespace
{

fs::path temp_base()
{
    const char* tmpdir = std::getenv("TMPDIR");
    return tmpdir != nullptr && *tmpdir != '\0' ? fs::path(tmpdir) : fs::path("/tmp");
}

} // namespace

Expected<TempDir> TempDir::create(std::string_view prefix, const fs::path& parent,
                                  SpareDirectories* spares)
{
    const fs::path base = parent.empty() ? temp_base() : parent;
    std::string pattern = (base / (std::string(prefix) + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr)
    {
        return fail(base.string() + ": cannot create a temporary directory: " + errno_text());
    }
    return TempDir(fs::path(pattern), spares);
}

TempDir::TempDir(TempDir&& other) noexcept
    : m_path(std::move(other.m_path)), m_spares(other.m_spares), m_lock(std::move(other.m_lock))
{
    other.m_path.clear();
}

void TempDir::remove_contents() const
{
    const int directory = ::open(m_path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (directory >= 0)
    {
        (void)util::detail::remove_children(directory, m_spares); // closes it
    }
}

TempDir::~TempDir()
{
    if (!m_path.empty())
    {
        (void)remove_tree(m_path, m_spares);
    }
}

void remove_abandoned_temp_dirs(std::string_view prefix)
{
    constexpr auto k_unused = std::chrono::hours(1);
    const auto now = fs::file_time_type::clock::now();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(temp_base(), ec))
    {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(std::string(prefix) + "-") || !entry.is_directory(ec) ||
            entry.is_symlink(ec) || now - entry.last_write_time(ec) < k_unused || ec)
        {
            continue;
        }
        if (const auto lock = FileLock::try_directory(entry.path()))
        {
            (void)remove_tree(entry.path());
        }
    }
}

} // namespace pydeb::util
