#include "adapters/archive/tar_compression.hpp"

#include <algorithm>
#include <archive.h>
#include <thread>
#include <zstd.h>

namespace pydeb::adapters::archive
{

namespace
{

// Bytes libarchive hands to the output at once. The tar stream does not depend on it (no padding,
// see below); bigger blocks only mean fewer write(2) calls and encoder round trips than the
// default 10240.
constexpr int k_block_size = 64 * 1024;

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

std::string tar_stream_identity(TarCompression compression)
{
    // configure_archive and TarOutput fix every other setting; the thread count never changes
    // the bytes (see compression_threads).
    std::string identity = "gnutar, no last-block padding, ";
    identity += std::string(tar_suffix(compression));
    if (compression == TarCompression::zstd)
    {
        identity += " level " + std::to_string(k_zstd_level) + " libzstd " + ZSTD_versionString();
    }
    // Asked once: libarchive 3.6 (bookworm) rebuilds this string on every call without freeing
    // the previous one (archive_version_details.c never sets its `init` flag), a leak
    // LeakSanitizer reports for every .deb written.
    static const std::string libarchive = archive_version_details();
    return identity + ", " + libarchive;
}

unsigned compression_threads()
{
    return std::max(2U, std::thread::hardware_concurrency());
}

std::string configure_archive(struct ::archive* a, TarCompression compression)
{
    archive_write_set_format_gnutar(a);
    int status = ARCHIVE_OK;
    switch (compression)
    {
    case TarCompression::none:
    case TarCompression::zstd:
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
            const std::string threads = std::to_string(compression_threads());
            status = archive_write_set_filter_option(a, "xz", "threads", threads.c_str());
        }
        break;
    }
    if (status != ARCHIVE_OK)
    {
        const char* text = archive_error_string(a);
        return text != nullptr ? text : "unsupported compression";
    }
    if (compression == TarCompression::none || compression == TarCompression::zstd)
    {
        archive_write_set_bytes_per_block(a, k_block_size);
    }
    // No padding of the last block: dpkg does not need it and it only wastes space.
    archive_write_set_bytes_in_last_block(a, 1);
    return {};
}

} // namespace pydeb::adapters::archive
