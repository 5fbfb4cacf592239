#include "adapters/archive/gzip.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace pydeb::adapters::archive
{

Expected<std::string> gzip_bytes(std::string_view data)
{
    std::string out;
    struct ::archive* a = archive_write_new();
    const std::unique_ptr<struct ::archive, int (*)(struct ::archive*)> owner(a,
                                                                              archive_write_free);
    const std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry(archive_entry_new(),
                                                                         archive_entry_free);
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
