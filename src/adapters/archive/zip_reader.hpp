// Streaming read of a zip archive (a wheel, PEP 427) with libarchive. One RAII owner of the
// archive* handle. Entries come from the central directory (the seekable zip reader), so the mode
// is the one stored in the external attributes (made-by Unix: st_mode in the high 16 bits), and a
// member's data is read in chunks: a wheel is never held in memory whole.
#pragma once

#include "util/expected.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

struct archive;

namespace pydeb::adapters
{

enum class ZipEntryType
{
    file,
    directory,
    symlink,
    other, // devices, fifos, sockets: nothing a wheel may carry
};

struct ZipEntry
{
    std::string name;   // as stored, UTF-8 (wheels name members in UTF-8)
    std::uint32_t mode; // permission bits (07777) from the external attributes
    ZipEntryType type;
    std::optional<std::uint64_t> size; // uncompressed size, when the archive records it
};

class ZipReader
{
public:
    [[nodiscard]] static Expected<ZipReader> open(const std::filesystem::path& path);
    ZipReader(ZipReader&&) noexcept;
    ZipReader& operator=(ZipReader&&) noexcept;
    ~ZipReader();

    // The next member, or nullopt after the last one. Unread data of the previous member is
    // skipped.
    [[nodiscard]] Expected<std::optional<ZipEntry>> next();
    // Read the current member's data into buffer; returns the byte count, 0 at its end.
    [[nodiscard]] Expected<std::size_t> read(std::span<std::byte> buffer);
    // Read the whole current member (for small metadata files), refusing more than limit bytes.
    [[nodiscard]] Expected<std::string> read_all(std::size_t limit);

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    // Member names exactly as stored in the central directory. libarchive turns "\" into "/"
    // in names without the UTF-8 flag (Windows archivers use "\"), which would hide a name a
    // wheel must not have; callers that validate names check these raw ones too.
    [[nodiscard]] static Expected<std::vector<std::string>>
    central_directory_names(const std::filesystem::path& path);

private:
    struct Deleter
    {
        void operator()(::archive* handle) const;
    };
    ZipReader(std::filesystem::path path, std::unique_ptr<::archive, Deleter> handle);
    [[nodiscard]] std::string where() const;

    std::filesystem::path m_path;
    std::unique_ptr<::archive, Deleter> m_archive;
    std::string m_current; // name of the current member, for messages
};

} // namespace pydeb::adapters
