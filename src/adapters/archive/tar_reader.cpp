#include "adapters/archive/tar_reader.hpp"

#include "adapters/archive/error_text.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

namespace pydeb::adapters
{

namespace
{

constexpr std::size_t k_block_size = 64 * 1024;

TarEntryType type_of(archive_entry* entry)
{
    if (archive_entry_hardlink(entry) != nullptr)
    {
        return TarEntryType::hardlink;
    }
    switch (archive_entry_filetype(entry))
    {
    case AE_IFREG:
        return TarEntryType::file;
    case AE_IFDIR:
        return TarEntryType::directory;
    case AE_IFLNK:
        return TarEntryType::symlink;
    default:
        return TarEntryType::other;
    }
}

} // namespace

void TarReader::Deleter::operator()(::archive* handle) const
{
    archive_read_free(handle);
}

TarReader::TarReader(std::filesystem::path path, std::unique_ptr<::archive, Deleter> handle)
    : m_path(std::move(path)), m_archive(std::move(handle))
{
}

TarReader::TarReader(TarReader&&) noexcept = default;
TarReader& TarReader::operator=(TarReader&&) noexcept = default;
TarReader::~TarReader() = default;

Expected<TarReader> TarReader::open(const std::filesystem::path& path)
{
    std::unique_ptr<::archive, Deleter> handle(archive_read_new());
    if (!handle)
    {
        return fail(path.string() + ": out of memory opening the archive");
    }
    archive_read_support_filter_all(handle.get());
    archive_read_support_format_tar(handle.get());
    archive_read_support_format_gnutar(handle.get());
    if (archive_read_open_filename(handle.get(), path.c_str(), k_block_size) != ARCHIVE_OK)
    {
        return fail(path.string() + ": cannot open as a tar archive: " +
                    error_text(handle.get()));
    }
    return TarReader(path, std::move(handle));
}

Expected<std::optional<TarEntry>> TarReader::next()
{
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(m_archive.get(), &entry);
    if (status == ARCHIVE_EOF)
    {
        return std::optional<TarEntry>();
    }
    if (status < ARCHIVE_WARN)
    {
        return fail(m_path.string() + ": unreadable archive" +
                    (m_current.empty() ? std::string() : " after member '" + m_current + "'") +
                    ": " + error_text(m_archive.get()) +
                    " (a truncated or corrupt file?)");
    }
    const char* name = archive_entry_pathname(entry);
    TarEntry out{name != nullptr ? name : "", type_of(entry),
                 static_cast<std::uint32_t>(archive_entry_perm(entry)) & 07777, "",
                 archive_entry_mtime(entry)};
    if (out.type == TarEntryType::symlink)
    {
        const char* target = archive_entry_symlink(entry);
        out.link_target = target != nullptr ? target : "";
    }
    else if (out.type == TarEntryType::hardlink)
    {
        out.link_target = archive_entry_hardlink(entry);
    }
    m_current = out.name;
    return std::optional<TarEntry>(std::move(out));
}

Expected<std::size_t> TarReader::read(std::span<std::byte> buffer)
{
    const auto count = archive_read_data(m_archive.get(), buffer.data(), buffer.size());
    if (count < 0)
    {
        return fail(m_path.string() + ": member '" + m_current +
                    "': cannot read: " + error_text(m_archive.get()) +
                    " (a truncated or corrupt archive?)");
    }
    return static_cast<std::size_t>(count);
}

} // namespace pydeb::adapters
