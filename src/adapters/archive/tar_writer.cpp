#include "adapters/archive/tar_writer.hpp"

#include "adapters/archive/tar_compression.hpp"
#include "adapters/archive/tar_output.hpp"

#include <archive.h>
#include <archive_entry.h>

namespace fs = std::filesystem;

namespace pydeb::adapters::archive
{

namespace
{

struct EntryDeleter
{
    void operator()(archive_entry* entry) const { archive_entry_free(entry); }
};

la_ssize_t write_block(struct ::archive*, void* client, const void* buffer, size_t length)
{
    const bool ok =
        static_cast<TarOutput*>(client)->consume({static_cast<const char*>(buffer), length});
    return ok ? static_cast<la_ssize_t>(length) : -1;
}

} // namespace

TarWriter::TarWriter(struct ::archive* handle, std::unique_ptr<TarOutput> output)
    : m_archive(handle), m_output(std::move(output))
{
}

TarWriter::TarWriter(TarWriter&& other) noexcept
    : m_archive(std::exchange(other.m_archive, nullptr)), m_output(std::move(other.m_output)),
      m_open_file(std::move(other.m_open_file)), m_data_missing(other.m_data_missing)
{
}

TarWriter::~TarWriter()
{
    if (m_archive != nullptr)
    {
        archive_write_free(m_archive);
    }
}

Expected<TarWriter> TarWriter::open(std::unique_ptr<TarOutput> output, TarCompression compression,
                                    unsigned zstd_workers)
{
    struct ::archive* a = archive_write_new();
    if (a == nullptr)
    {
        return fail(output->name() + ": cannot allocate a libarchive writer");
    }
    TarWriter writer(a, std::move(output));
    if (auto problem = configure_archive(a, compression); !problem.empty())
    {
        return std::unexpected(writer.error(problem));
    }
    if (compression == TarCompression::zstd)
    {
        PYDEB_TRY(writer.m_output->start_zstd(k_zstd_level, zstd_workers));
    }
    if (archive_write_open(a, writer.m_output.get(), nullptr, &write_block, nullptr) != ARCHIVE_OK)
    {
        return std::unexpected(writer.error("cannot start the archive"));
    }
    return writer;
}

Expected<TarWriter> TarWriter::create(const fs::path& output, TarCompression compression)
{
    return open(PYDEB_TRY(TarOutput::to_file(output)), compression, compression_threads());
}

Expected<TarWriter> TarWriter::create_in_memory(std::string& output, TarCompression compression)
{
    return open(TarOutput::to_memory(output), compression, 0); // single-threaded zstd
}

Error TarWriter::error(std::string_view what) const
{
    std::string message = m_output->name() + ": " + std::string(what);
    if (const auto& failure = m_output->failure())
    {
        message += ": " + failure->message;
    }
    else if (const char* text = archive_error_string(m_archive); text != nullptr)
    {
        message += std::string(": ") + text;
    }
    return Error{std::move(message)};
}

Expected<void> TarWriter::check_no_open_file() const
{
    if (m_data_missing > 0)
    {
        return fail(m_output->name() + ": " + m_open_file + " is " +
                    std::to_string(m_data_missing) + " bytes short of the size in its header");
    }
    return {};
}

Expected<void> TarWriter::write_header(const TarMeta& meta, unsigned type, std::uint64_t size,
                                       std::string_view link)
{
    PYDEB_TRY(check_no_open_file());
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
    PYDEB_TRY(begin_file(meta, contents.size()));
    return write_data(contents);
}

Expected<void> TarWriter::begin_file(const TarMeta& meta, std::uint64_t size)
{
    PYDEB_TRY(write_header(meta, AE_IFREG, size, {}));
    m_open_file = meta.path;
    m_data_missing = size;
    return {};
}

Expected<void> TarWriter::write_data(std::string_view data)
{
    if (data.size() > m_data_missing)
    {
        return fail(m_output->name() + ": " + m_open_file + ": more data than the " +
                    "size in its header");
    }
    if (!data.empty() && archive_write_data(m_archive, data.data(), data.size()) !=
                             static_cast<la_ssize_t>(data.size()))
    {
        return std::unexpected(error("cannot write the data of " + m_open_file));
    }
    m_data_missing -= data.size();
    return {};
}

Expected<void> TarWriter::finish()
{
    PYDEB_TRY(check_no_open_file());
    if (archive_write_close(m_archive) != ARCHIVE_OK)
    {
        return std::unexpected(error("cannot finish the archive"));
    }
    return m_output->finish();
}

} // namespace pydeb::adapters::archive
