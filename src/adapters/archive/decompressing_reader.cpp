#include "adapters/archive/decompressing_reader.hpp"

#include "adapters/archive/error_text.hpp"

#include <archive.h>
#include <archive_entry.h>

namespace pydeb::adapters
{

namespace
{

// libarchive's read block.
constexpr std::size_t k_block_size = 64 * 1024;

} // namespace

void DecompressingReader::Deleter::operator()(::archive* handle) const
{
    archive_read_free(handle);
}

DecompressingReader::DecompressingReader(std::filesystem::path path,
                                         std::unique_ptr<::archive, Deleter> handle)
    : m_path(std::move(path)), m_archive(std::move(handle))
{
}

DecompressingReader::DecompressingReader(DecompressingReader&&) noexcept = default;
DecompressingReader& DecompressingReader::operator=(DecompressingReader&&) noexcept = default;
DecompressingReader::~DecompressingReader() = default;

Expected<DecompressingReader> DecompressingReader::open(const std::filesystem::path& path)
{
    std::unique_ptr<::archive, Deleter> handle(archive_read_new());
    if (!handle)
    {
        return fail(path.string() + ": out of memory opening the file");
    }
    // "raw": the input is one stream, not an archive of members; "empty": a zero-byte file
    // (an empty Packages list) is an empty stream rather than an unrecognised format.
    archive_read_support_filter_all(handle.get());
    archive_read_support_format_raw(handle.get());
    archive_read_support_format_empty(handle.get());
    if (archive_read_open_filename(handle.get(), path.c_str(), k_block_size) != ARCHIVE_OK)
    {
        return fail(path.string() + ": cannot open: " + error_text(handle.get()));
    }
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(handle.get(), &entry);
    if (status < ARCHIVE_WARN)
    {
        return fail(path.string() + ": cannot decompress: " + error_text(handle.get()));
    }
    DecompressingReader reader(path, std::move(handle));
    reader.m_at_end = status == ARCHIVE_EOF;
    return reader;
}

Expected<std::size_t> DecompressingReader::read(std::span<std::byte> buffer)
{
    if (m_at_end || buffer.empty())
    {
        return 0;
    }
    const auto count = archive_read_data(m_archive.get(), buffer.data(), buffer.size());
    if (count < 0)
    {
        return fail(m_path.string() +
                    ": cannot decompress: " + error_text(m_archive.get()) +
                    " (a truncated or corrupt file; for apt lists, run apt-get update)");
    }
    m_at_end = count == 0;
    return static_cast<std::size_t>(count);
}

} // namespace pydeb::adapters
