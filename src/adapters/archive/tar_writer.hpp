// ar + tar writing over libarchive, for .deb packages (deb(5)): an ar container whose members are
// compressed tar streams. No pydeb domain types here: callers pass paths, modes and times.
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
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

// Metadata shared by every tar member. Owner is always root:root (0/0): the tar is the package,
// not a backup of the build machine.
struct TarMeta
{
    std::string path; // as stored, e.g. "./opt/venvs/app/" (directories end with '/')
    std::uint32_t mode = 0644;
    std::int64_t mtime = 0;
};

// A GNU-format tar stream (dpkg rejects PAX headers; GNU 'L'/'K' records carry long names),
// compressed and written to a file. zstd and xz use several threads with a fixed worker count, so
// the bytes do not depend on the machine's core count; gzip stores no name and no timestamp.
class TarWriter
{
public:
    [[nodiscard]] static Expected<TarWriter> create(const std::filesystem::path& output,
                                                    TarCompression compression);
    // The same stream into memory (small archives: control.tar).
    [[nodiscard]] static Expected<TarWriter> create_in_memory(std::string& output,
                                                              TarCompression compression);
    TarWriter(TarWriter&&) noexcept;
    TarWriter& operator=(TarWriter&&) = delete;
    ~TarWriter();

    [[nodiscard]] Expected<void> add_directory(const TarMeta& meta);
    [[nodiscard]] Expected<void> add_symlink(const TarMeta& meta, std::string_view target);
    [[nodiscard]] Expected<void> add_file(const TarMeta& meta, std::string_view contents);
    // Stream `source` in chunks (never whole in memory); `observe` sees every chunk (to hash it).
    // Fails if the file's size is not `size` (it changed while the package was being written).
    [[nodiscard]] Expected<void>
    add_file_from(const TarMeta& meta, const std::filesystem::path& source, std::uint64_t size,
                  const std::function<void(std::string_view)>& observe = {});
    // Write the end-of-archive records and flush the compressor. Required before use of the output.
    [[nodiscard]] Expected<void> finish();

private:
    struct Sink;
    TarWriter(struct ::archive* handle, std::unique_ptr<Sink> sink);
    [[nodiscard]] static Expected<TarWriter> open(std::unique_ptr<Sink> sink,
                                                  TarCompression compression);
    [[nodiscard]] Expected<void> write_header(const TarMeta& meta, unsigned type,
                                              std::uint64_t size, std::string_view link);
    [[nodiscard]] Error error(std::string_view what) const;

    struct ::archive* m_archive = nullptr;
    std::unique_ptr<Sink> m_sink;
};

// A Unix ar archive in the common format dpkg reads and writes (deb(5)): "!<arch>\n", then per
// member a 60-byte header (name up to 15 bytes, no trailing '/'), uid/gid 0, mode 100644, data
// padded to an even length with '\n'.
class ArWriter
{
public:
    [[nodiscard]] static Expected<ArWriter> create(const std::filesystem::path& output);
    ArWriter(ArWriter&&) noexcept;
    ArWriter& operator=(ArWriter&&) = delete;
    ~ArWriter();

    [[nodiscard]] Expected<void> add_member(std::string_view name, std::string_view data,
                                            std::int64_t mtime);
    // Copy a member from a file (the compressed data.tar), without loading it in memory.
    [[nodiscard]] Expected<void>
    add_member_from(std::string_view name, const std::filesystem::path& source, std::int64_t mtime);
    [[nodiscard]] Expected<void> close();

private:
    ArWriter(int fd, std::filesystem::path path) : m_fd(fd), m_path(std::move(path)) {}
    [[nodiscard]] Expected<void> write_header(std::string_view name, std::uint64_t size,
                                              std::int64_t mtime);
    [[nodiscard]] Expected<void> write_all(std::string_view data);
    int m_fd = -1;
    std::filesystem::path m_path;
};

// Gzip `data` at maximum compression without name or timestamp (gzip -9n), e.g. for
// /usr/share/doc/PKG/changelog.Debian.gz.
[[nodiscard]] Expected<std::string> gzip_bytes(std::string_view data);

} // namespace pydeb::adapters::archive
