#include "adapters/archive/tar_writer.hpp"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace pydeb::adapters::archive
{

namespace
{

constexpr std::size_t k_chunk = 256 * 1024;

// liblzma's and libzstd's multithreaded encoders produce the same bytes for any worker count >= 2
// (xz: fixed block size; zstd: any nbWorkers >= 1), so only speed depends on the machine.
std::string thread_count()
{
    return std::to_string(std::max(2U, std::thread::hardware_concurrency()));
}

struct EntryDeleter
{
    void operator()(archive_entry* entry) const { archive_entry_free(entry); }
};

struct FdCloser
{
    int fd;
    ~FdCloser() { ::close(fd); }
};

// write(2) until done; 0 or the errno of the failure.
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

// Feed `source` to `consume` in k_chunk pieces, never holding the whole file; returns its size.
Expected<std::uint64_t>
for_each_chunk(const fs::path& source,
               const std::function<Expected<void>(std::string_view)>& consume)
{
    const int fd = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
    {
        return fail(source.string() + ": cannot read: " + std::strerror(errno));
    }
    const FdCloser closer{fd};
    std::vector<char> buffer(k_chunk);
    std::uint64_t total = 0;
    for (;;)
    {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n < 0)
        {
            return fail(source.string() + ": read failed: " + std::strerror(errno));
        }
        if (n == 0)
        {
            return total;
        }
        total += static_cast<std::uint64_t>(n);
        PYDEB_TRY(consume(std::string_view(buffer.data(), static_cast<std::size_t>(n))));
    }
}

} // namespace

std::string_view tar_suffix(TarCompression compression)
{
    switch (compression)
    {
    case TarCompression::none:
        return "";
    case TarCompression::gzip:
        return ".gz";
    case TarCompression::xz:
        return ".xz";
    case TarCompression::zstd:
        return ".zst";
    }
    return "";
}

// Where the archive's bytes go: a file descriptor or a string.
struct TarWriter::Sink
{
    int fd = -1;
    std::string* memory = nullptr;
    std::string name;
    int saved_errno = 0;

    static la_ssize_t write(struct ::archive*, void* client, const void* buffer, size_t length)
    {
        auto* sink = static_cast<Sink*>(client);
        const auto* bytes = static_cast<const char*>(buffer);
        if (sink->memory != nullptr)
        {
            sink->memory->append(bytes, length);
            return static_cast<la_ssize_t>(length);
        }
        sink->saved_errno = write_fully(sink->fd, std::string_view(bytes, length));
        if (sink->saved_errno != 0)
        {
            return -1;
        }
        return static_cast<la_ssize_t>(length);
    }

    ~Sink()
    {
        if (fd >= 0)
        {
            ::close(fd);
        }
    }
};

namespace
{

// Configure format and filter; returns an error text or empty.
std::string configure(struct ::archive* a, TarCompression compression)
{
    archive_write_set_format_gnutar(a);
    int status = ARCHIVE_OK;
    switch (compression)
    {
    case TarCompression::none:
        break;
    case TarCompression::gzip:
        // gzip -9n: dpkg-deb's level, and no timestamp so rebuilds are identical.
        status = archive_write_add_filter_gzip(a);
        if (status == ARCHIVE_OK)
        {
            status = archive_write_set_filter_option(a, "gzip", "compression-level", "9");
        }
        if (status == ARCHIVE_OK)
        {
            status = archive_write_set_filter_option(a, "gzip", "timestamp", nullptr);
        }
        break;
    case TarCompression::xz:
        status = archive_write_add_filter_xz(a);
        if (status == ARCHIVE_OK)
        {
            status = archive_write_set_filter_option(a, "xz", "threads", thread_count().c_str());
        }
        break;
    case TarCompression::zstd:
        status = archive_write_add_filter_zstd(a);
        if (status == ARCHIVE_OK)
        {
            status = archive_write_set_filter_option(a, "zstd", "threads", thread_count().c_str());
        }
        break;
    }
    if (status != ARCHIVE_OK)
    {
        const char* text = archive_error_string(a);
        return text != nullptr ? text : "unsupported compression";
    }
    // No padding of the last block: dpkg does not need it and it only wastes space.
    archive_write_set_bytes_in_last_block(a, 1);
    return {};
}

} // namespace

TarWriter::TarWriter(struct ::archive* handle, std::unique_ptr<Sink> sink)
    : m_archive(handle), m_sink(std::move(sink))
{
}

TarWriter::TarWriter(TarWriter&& other) noexcept
    : m_archive(std::exchange(other.m_archive, nullptr)), m_sink(std::move(other.m_sink))
{
}

TarWriter::~TarWriter()
{
    if (m_archive != nullptr)
    {
        archive_write_free(m_archive);
    }
}

Expected<TarWriter> TarWriter::open(std::unique_ptr<Sink> sink, TarCompression compression)
{
    struct ::archive* a = archive_write_new();
    if (a == nullptr)
    {
        return fail(sink->name + ": cannot allocate a libarchive writer");
    }
    TarWriter writer(a, std::move(sink));
    if (auto problem = configure(a, compression); !problem.empty())
    {
        return std::unexpected(writer.error(problem));
    }
    if (archive_write_open(a, writer.m_sink.get(), nullptr, &Sink::write, nullptr) != ARCHIVE_OK)
    {
        return std::unexpected(writer.error("cannot start the archive"));
    }
    return writer;
}

Expected<TarWriter> TarWriter::create(const fs::path& output, TarCompression compression)
{
    auto sink = std::make_unique<Sink>();
    sink->name = output.string();
    sink->fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (sink->fd < 0)
    {
        return fail(sink->name + ": cannot open for writing: " + std::strerror(errno));
    }
    return open(std::move(sink), compression);
}

Expected<TarWriter> TarWriter::create_in_memory(std::string& output, TarCompression compression)
{
    auto sink = std::make_unique<Sink>();
    sink->name = "(in-memory tar)";
    sink->memory = &output;
    return open(std::move(sink), compression);
}

Error TarWriter::error(std::string_view what) const
{
    std::string message = m_sink->name + ": " + std::string(what);
    if (m_sink->saved_errno != 0)
    {
        message += std::string(": ") + std::strerror(m_sink->saved_errno);
    }
    else if (const char* text = archive_error_string(m_archive); text != nullptr)
    {
        message += std::string(": ") + text;
    }
    return Error{std::move(message)};
}

Expected<void> TarWriter::write_header(const TarMeta& meta, unsigned type, std::uint64_t size,
                                       std::string_view link)
{
    std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), meta.path.c_str());
    archive_entry_set_filetype(entry.get(), type);
    archive_entry_set_perm(entry.get(), meta.mode & 07777);
    archive_entry_set_mtime(entry.get(), meta.mtime, 0);
    archive_entry_set_uid(entry.get(), 0);
    archive_entry_set_gid(entry.get(), 0);
    archive_entry_set_uname(entry.get(), "root");
    archive_entry_set_gname(entry.get(), "root");
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
    if (type == AE_IFLNK)
    {
        archive_entry_set_symlink(entry.get(), std::string(link).c_str());
    }
    if (archive_write_header(m_archive, entry.get()) != ARCHIVE_OK)
    {
        return std::unexpected(error("cannot write the tar header of " + meta.path));
    }
    return {};
}

Expected<void> TarWriter::add_directory(const TarMeta& meta)
{
    return write_header(meta, AE_IFDIR, 0, {});
}

Expected<void> TarWriter::add_symlink(const TarMeta& meta, std::string_view target)
{
    return write_header(meta, AE_IFLNK, 0, target);
}

Expected<void> TarWriter::add_file(const TarMeta& meta, std::string_view contents)
{
    PYDEB_TRY(write_header(meta, AE_IFREG, contents.size(), {}));
    if (!contents.empty() && archive_write_data(m_archive, contents.data(), contents.size()) !=
                                 static_cast<la_ssize_t>(contents.size()))
    {
        return std::unexpected(error("cannot write the data of " + meta.path));
    }
    return {};
}

Expected<void> TarWriter::add_file_from(const TarMeta& meta, const fs::path& source,
                                        std::uint64_t size,
                                        const std::function<void(std::string_view)>& observe)
{
    PYDEB_TRY(write_header(meta, AE_IFREG, size, {}));
    const auto changed = [&]
    {
        return fail(source.string() + ": file changed size while being packaged (expected " +
                    std::to_string(size) + " bytes); rebuild without modifying the staging tree");
    };
    std::uint64_t written = 0;
    const std::uint64_t total = PYDEB_TRY(for_each_chunk(
        source,
        [&](std::string_view chunk) -> Expected<void>
        {
            written += chunk.size();
            if (written > size)
            {
                return changed();
            }
            if (observe)
            {
                observe(chunk);
            }
            if (archive_write_data(m_archive, chunk.data(), chunk.size()) !=
                static_cast<la_ssize_t>(chunk.size()))
            {
                return std::unexpected(error("cannot write the data of " + meta.path));
            }
            return {};
        }));
    if (total != size)
    {
        return changed();
    }
    return {};
}

Expected<void> TarWriter::finish()
{
    if (archive_write_close(m_archive) != ARCHIVE_OK)
    {
        return std::unexpected(error("cannot finish the archive"));
    }
    if (m_sink->fd >= 0 && ::close(std::exchange(m_sink->fd, -1)) != 0)
    {
        return fail(m_sink->name + ": close failed: " + std::strerror(errno));
    }
    return {};
}

// --- ar -------------------------------------------------------------------------------------

Expected<ArWriter> ArWriter::create(const fs::path& output)
{
    const int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
    {
        return fail(output.string() + ": cannot open for writing: " + std::strerror(errno));
    }
    ArWriter writer(fd, output);
    PYDEB_TRY(writer.write_all("!<arch>\n"));
    return writer;
}

ArWriter::ArWriter(ArWriter&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path))
{
}

ArWriter::~ArWriter()
{
    if (m_fd >= 0)
    {
        ::close(m_fd);
    }
}

Expected<void> ArWriter::write_all(std::string_view data)
{
    if (const int error = write_fully(m_fd, data); error != 0)
    {
        return fail(m_path.string() + ": write failed: " + std::strerror(error));
    }
    return {};
}

Expected<void> ArWriter::write_header(std::string_view name, std::uint64_t size, std::int64_t mtime)
{
    if (size > 9'999'999'999ULL)
    {
        return fail(m_path.string() + ": ar member " + std::string(name) +
                    " is larger than the 10-digit size field of ar(5) allows");
    }
    if (name.empty() || name.size() > 15)
    {
        return fail(m_path.string() + ": ar member name '" + std::string(name) +
                    "' must have 1 to 15 characters");
    }
    // deb(5): "%-16s%-12d%-6d%-6d%-8o%-10d`\n" -- name, mtime, uid, gid, mode, size.
    char header[61];
    std::snprintf(header, sizeof header, "%-16.*s%-12lld%-6d%-6d%-8o%-10llu`\n",
                  static_cast<int>(name.size()), name.data(), static_cast<long long>(mtime), 0, 0,
                  0100644U, static_cast<unsigned long long>(size));
    return write_all(std::string_view(header, 60));
}

Expected<void> ArWriter::add_member(std::string_view name, std::string_view data,
                                    std::int64_t mtime)
{
    PYDEB_TRY(write_header(name, data.size(), mtime));
    PYDEB_TRY(write_all(data));
    return data.size() % 2 == 1 ? write_all("\n") : Expected<void>{};
}

Expected<void> ArWriter::add_member_from(std::string_view name, const fs::path& source,
                                         std::int64_t mtime)
{
    std::error_code ec;
    const std::uint64_t size = fs::file_size(source, ec);
    if (ec)
    {
        return fail(source.string() + ": cannot stat: " + ec.message());
    }
    PYDEB_TRY(write_header(name, size, mtime));
    const std::uint64_t copied = PYDEB_TRY(
        for_each_chunk(source, [this](std::string_view chunk) { return write_all(chunk); }));
    if (copied != size)
    {
        return fail(source.string() + ": changed while being copied into " + m_path.string());
    }
    return size % 2 == 1 ? write_all("\n") : Expected<void>{};
}

Expected<void> ArWriter::close()
{
    if (::close(std::exchange(m_fd, -1)) != 0)
    {
        return fail(m_path.string() + ": close failed: " + std::strerror(errno));
    }
    return {};
}

// --- gzip -----------------------------------------------------------------------------------

Expected<std::string> gzip_bytes(std::string_view data)
{
    std::string out;
    struct ::archive* a = archive_write_new();
    std::unique_ptr<struct ::archive, int (*)(struct ::archive*)> owner(a, archive_write_free);
    archive_write_set_format_raw(a);
    archive_write_add_filter_gzip(a);
    archive_write_set_filter_option(a, "gzip", "compression-level", "9");
    archive_write_set_filter_option(a, "gzip", "timestamp", nullptr);
    archive_write_set_bytes_in_last_block(a, 1);
    auto write = [](struct ::archive*, void* client, const void* buffer, size_t length)
    {
        static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
        return static_cast<la_ssize_t>(length);
    };
    std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(data.size()));
    if (archive_write_open(a, &out, nullptr, write, nullptr) != ARCHIVE_OK ||
        archive_write_header(a, entry.get()) != ARCHIVE_OK ||
        archive_write_data(a, data.data(), data.size()) != static_cast<la_ssize_t>(data.size()) ||
        archive_write_close(a) != ARCHIVE_OK)
    {
        const char* text = archive_error_string(a);
        return fail(std::string("gzip: ") + (text != nullptr ? text : "failed"));
    }
    return out;
}

} // namespace pydeb::adapters::archive
