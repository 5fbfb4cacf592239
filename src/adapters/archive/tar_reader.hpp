// Streaming read of a tar archive in any compression libarchive knows (.tar.gz, .tar.xz,
// .tar.zst, .tar.bz2, plain .tar): ustar, pax and GNU members. One RAII owner of the archive*
// handle. Made for interpreter bundles (install/bundle.hpp): the reader only reports what each
// member is; the caller decides what may be extracted and where.
#pragma once

#include "util/expected.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

struct archive;

namespace pydeb::adapters
{

enum class TarEntryType
{
    file,
    directory,
    symlink,
    hardlink,
    other, // devices, fifos, sockets
};

struct TarEntry
{
    std::string name;        // as stored (pax path when there is one)
    TarEntryType type;
    std::uint32_t mode;      // permission bits (07777)
    std::string link_target; // symlink target, or the earlier member a hard link names
    std::int64_t mtime = 0;  // seconds since the epoch
};

class TarReader
{
public:
    [[nodiscard]] static Expected<TarReader> open(const std::filesystem::path& path);
    TarReader(TarReader&&) noexcept;
    TarReader& operator=(TarReader&&) noexcept;
    ~TarReader();

    // The next member, or nullopt after the last one; unread data of the previous one is skipped.
    // A truncated or corrupt archive is an error naming the archive and the member.
    [[nodiscard]] Expected<std::optional<TarEntry>> next();
    // The current member's data, in chunks; the byte count, 0 at its end.
    [[nodiscard]] Expected<std::size_t> read(std::span<std::byte> buffer);

private:
    struct Deleter
    {
        void operator()(::archive* handle) const;
    };
    TarReader(std::filesystem::path path, std::unique_ptr<::archive, Deleter> handle);

    std::filesystem::path m_path;
    std::unique_ptr<::archive, Deleter> m_archive;
    std::string m_current;
};

} // namespace pydeb::adapters
