// A file read as its decompressed bytes, whatever compressor wrote it: libarchive's "raw" format
// behind every filter it has (gzip, xz, lzma, bzip2, zstd, lz4, or none at all). Made for apt's
// lists, which apt keeps compressed as it downloaded them or, with Acquire::GzipIndexes, as
// *_Packages.lz4 (bookworm), and which libsolv's own reader cannot open (no lz4). The text is
// streamed in libarchive's blocks: a 50 MB Packages file is never held in memory whole
// (adapters/solv_repos hands it to libsolv as a FILE*).
#pragma once

#include "util/expected.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

struct archive;

namespace pydeb::adapters
{

class DecompressingReader
{
public:
    [[nodiscard]] static Expected<DecompressingReader> open(const std::filesystem::path& path);
    DecompressingReader(DecompressingReader&&) noexcept;
    DecompressingReader& operator=(DecompressingReader&&) noexcept;
    ~DecompressingReader();

    // Fill buffer with the next decompressed bytes; the byte count, 0 at the end.
    [[nodiscard]] Expected<std::size_t> read(std::span<std::byte> buffer);

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    struct Deleter
    {
        void operator()(::archive* handle) const;
    };
    DecompressingReader(std::filesystem::path path, std::unique_ptr<::archive, Deleter> handle);

    std::filesystem::path m_path;
    std::unique_ptr<::archive, Deleter> m_archive;
    bool m_at_end = false;
};

} // namespace pydeb::adapters
