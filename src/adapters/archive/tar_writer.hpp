// tar writing over libarchive, for .deb packages (deb(5): control.tar and data.tar members).
// No pydeb domain types here: callers pass paths, modes and times.
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct archive;

namespace pydeb::adapters::archive
{

enum class TarCompression
{
    none,
    gzip,
    xz,
    zstd,
};

// File name suffix for a compressed tar: "", ".gz", ".xz", ".zst".
[[nodiscard]] std::string_view tar_suffix(TarCompression compression);

// Everything besides the members that decides a TarWriter's bytes: the tar format, the
// compressor and its settings, and the versions of libarchive, its compression libraries and
// libzstd. A cache of written tars keys on it, so a library upgrade never serves stale bytes.
[[nodiscard]] std::string tar_stream_identity(TarCompression compression);

// Metadata shared by every tar member. Owner is always root:root (0/0): the tar is the package,
// not a backup of the build machine.
struct TarMeta
{
    std::string path; // as stored, e.g. "./opt/venvs/app/" (directories end with '/')
    std::uint32_t mode = 0644;
    std::int64_t mtime = 0;
};

class TarOutput;

// A GNU-format tar stream (dpkg rejects PAX headers; GNU 'L'/'K' records carry long names),
// compressed and written to a file. zstd and xz use several threads and produce the same bytes
// for any core count; gzip stores no name and no timestamp (tar_compression.cpp).
class TarWriter
{
public:
    [[nodiscard]] static Expected<TarWriter> create(const std::filesystem::path& output,
                                                    TarCompression compression);
    // The same stream into memory, for small archives (control.tar): zstd runs single-threaded,
    // which gives other bytes than create()'s multithreaded encoder (zstd_encoder.hpp).
    [[nodiscard]] static Expected<TarWriter> create_in_memory(std::string& output,
                                                              TarCompression compression);
    TarWriter(TarWriter&&) noexcept;
    TarWriter& operator=(TarWriter&&) = delete;
    ~TarWriter();

    [[nodiscard]] Expected<void> add_directory(const TarMeta& meta);
    [[nodiscard]] Expected<void> add_symlink(const TarMeta& meta, std::string_view target);
    [[nodiscard]] Expected<void> add_file(const TarMeta& meta, std::string_view contents);
    // A regular file streamed in pieces: its header, then exactly `size` bytes through
    // write_data (in as many calls as the caller likes). Anything else is refused before it
    // reaches the archive, so a short or long file never yields a silently padded member.
    [[nodiscard]] Expected<void> begin_file(const TarMeta& meta, std::uint64_t size);
    [[nodiscard]] Expected<void> write_data(std::string_view data);
    // Write the end-of-archive records and flush the compressor. Required before use of the output.
    [[nodiscard]] Expected<void> finish();

private:
    TarWriter(struct ::archive* handle, std::unique_ptr<TarOutput> output);
    [[nodiscard]] static Expected<TarWriter>
    open(std::unique_ptr<TarOutput> output, TarCompression compression, unsigned zstd_workers);
    [[nodiscard]] Expected<void> write_header(const TarMeta& meta, unsigned type,
                                              std::uint64_t size, std::string_view link);
    [[nodiscard]] Expected<void> check_no_open_file() const;
    [[nodiscard]] Error error(std::string_view what) const;

    struct ::archive* m_archive = nullptr;
    std::unique_ptr<TarOutput> m_output;
    std::string m_open_file;          // path of the file begin_file started, until complete
    std::uint64_t m_data_missing = 0; // bytes write_data still owes it
};

} // namespace pydeb::adapters::archive
