#include "adapters/archive/cpio_writer.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <optional>

namespace pydeb::adapters::archive
{

std::string cpio_stream_identity()
{
    return std::string("newc, ") + archive_version_string();
}

namespace
{

struct EntryDeleter
{
    void operator()(archive_entry* entry) const { archive_entry_free(entry); }
};

} // namespace

struct CpioWriter::State
{
    struct ::archive* archive = nullptr;
    Sink sink;
    std::uint64_t written = 0;
    std::optional<Error> sink_error; // the sink's own message beats libarchive's "write failed"
    std::string open_file;           // path of the file begin_file started, until complete
    std::uint64_t data_missing = 0;  // bytes write_data still owes it

    static la_ssize_t write(struct ::archive*, void* client, const void* buffer, size_t length)
    {
        auto* state = static_cast<State*>(client);
        auto result = state->sink(std::span(static_cast<const std::byte*>(buffer), length));
        if (!result)
        {
            state->sink_error = std::move(result).error();
            return -1;
        }
        state->written += length;
        return static_cast<la_ssize_t>(length);
    }

    ~State()
    {
        if (archive != nullptr)
        {
            archive_write_free(archive);
        }
    }
};

CpioWriter::CpioWriter(std::unique_ptr<State> state) : m_state(std::move(state)) {}
CpioWriter::CpioWriter(CpioWriter&&) noexcept = default;
CpioWriter::~CpioWriter() = default;

Expected<CpioWriter> CpioWriter::create(Sink sink)
{
    auto state = std::make_unique<State>();
    state->sink = std::move(sink);
    state->archive = archive_write_new();
    if (state->archive == nullptr)
    {
        return fail("cpio payload: cannot allocate a libarchive writer");
    }
    CpioWriter writer(std::move(state));
    struct ::archive* a = writer.m_state->archive;
    if (archive_write_set_format_cpio_newc(a) != ARCHIVE_OK ||
        archive_write_add_filter_none(a) != ARCHIVE_OK)
    {
        return std::unexpected(writer.error("cannot select the newc format"));
    }
    // No padding after the trailer: PAYLOADSIZE is then exactly the archive's length.
    archive_write_set_bytes_in_last_block(a, 1);
    if (archive_write_open(a, writer.m_state.get(), nullptr, &State::write, nullptr) != ARCHIVE_OK)
    {
        return std::unexpected(writer.error("cannot start the archive"));
    }
    return writer;
}

Error CpioWriter::error(std::string_view what) const
{
    if (m_state->sink_error)
    {
        return *m_state->sink_error;
    }
    const char* text = archive_error_string(m_state->archive);
    return Error{"cpio payload: " + std::string(what) +
                 (text != nullptr ? std::string(": ") + text : std::string())};
}

Expected<void> CpioWriter::write_header(const CpioMeta& meta, unsigned type, std::uint64_t size,
                                        std::string_view link)
{
    PYDEB_TRY(check_no_open_file());
    std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), meta.path.c_str());
    archive_entry_set_filetype(entry.get(), type);
    archive_entry_set_perm(entry.get(), meta.mode & 07777);
    archive_entry_set_uid(entry.get(), 0);
    archive_entry_set_gid(entry.get(), 0);
    archive_entry_set_nlink(entry.get(), 1);
    archive_entry_set_ino(entry.get(), meta.inode);
    archive_entry_set_devmajor(entry.get(), 0);
    archive_entry_set_devminor(entry.get(), meta.device);
    archive_entry_set_mtime(entry.get(), meta.mtime, 0);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
    if (type == AE_IFLNK)
    {
        archive_entry_set_symlink(entry.get(), std::string(link).c_str());
    }
    if (archive_write_header(m_state->archive, entry.get()) != ARCHIVE_OK)
    {
        return std::unexpected(error("cannot add " + meta.path));
    }
    return {};
}

Expected<void> CpioWriter::add_directory(const CpioMeta& meta)
{
    return write_header(meta, AE_IFDIR, 0, {});
}

Expected<void> CpioWriter::add_symlink(const CpioMeta& meta, std::string_view target)
{
    return write_header(meta, AE_IFLNK, target.size(), target);
}

Expected<void> CpioWriter::check_no_open_file() const
{
    if (m_state->data_missing > 0)
    {
        return fail("cpio payload: " + m_state->open_file + " is " +
                    std::to_string(m_state->data_missing) +
                    " bytes short of the size in its header");
    }
    return {};
}

Expected<void> CpioWriter::begin_file(const CpioMeta& meta, std::uint64_t size)
{
    PYDEB_TRY(write_header(meta, AE_IFREG, size, {}));
    m_state->open_file = meta.path;
    m_state->data_missing = size;
    return {};
}

Expected<void> CpioWriter::write_data(std::string_view data)
{
    if (data.size() > m_state->data_missing)
    {
        return fail("cpio payload: " + m_state->open_file +
                    ": more data than the size in its header");
    }
    if (!data.empty() && archive_write_data(m_state->archive, data.data(), data.size()) !=
                             static_cast<la_ssize_t>(data.size()))
    {
        return std::unexpected(error("writing " + m_state->open_file));
    }
    m_state->data_missing -= data.size();
    return {};
}

Expected<void> CpioWriter::finish()
{
    PYDEB_TRY(check_no_open_file());
    if (archive_write_close(m_state->archive) != ARCHIVE_OK)
    {
        return std::unexpected(error("cannot finish the archive"));
    }
    return {};
}

std::uint64_t CpioWriter::bytes_written() const
{
    return m_state->written;
}

} // namespace pydeb::adapters::archive
