// An SVR4 "newc" cpio stream (magic 070701) over libarchive: the payload format of rpm packages
// (rpm's lib/cpio.c reads exactly this). The stream is handed uncompressed to a sink so the caller
// can hash it (rpm's PAYLOADDIGESTALT) and compress it with rpm's own compressor.
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

struct archive;

namespace pydeb::adapters::archive
{

// Metadata of one cpio member. Owner is always root:root (0/0), rdev 0, one link.
struct CpioMeta
{
    std::string path; // as stored: "./opt/venvs/app/bin/python" (rpm's PayloadFilesHavePrefix)
    std::uint32_t mode = 0644; // permission bits; the type comes from the add_* call
    std::int64_t mtime = 0;
    std::uint32_t inode = 0; // must match the header's FILEINODES for rpm
    std::uint32_t device = 1;
};

// What decides the stream's bytes besides its members: the format and libarchive's version (for
// cache keys of whole payloads, package/core/payload_cache.hpp).
[[nodiscard]] std::string cpio_stream_identity();

class CpioWriter
{
public:
    // Receives the uncompressed stream in order; an error stops the archive.
    using Sink = std::function<Expected<void>(std::span<const std::byte>)>;

    [[nodiscard]] static Expected<CpioWriter> create(Sink sink);
    CpioWriter(CpioWriter&&) noexcept;
    CpioWriter& operator=(CpioWriter&&) = delete;
    ~CpioWriter();

    [[nodiscard]] Expected<void> add_directory(const CpioMeta& meta);
    // The link target is the member's data, as newc stores symlinks.
    [[nodiscard]] Expected<void> add_symlink(const CpioMeta& meta, std::string_view target);
    // A regular file streamed in pieces: its header, then exactly `size` bytes through
    // write_data. Anything else is refused before it reaches the archive.
    [[nodiscard]] Expected<void> begin_file(const CpioMeta& meta, std::uint64_t size);
    [[nodiscard]] Expected<void> write_data(std::string_view data);
    // Write the TRAILER!!! member and flush. Required before the stream is complete.
    [[nodiscard]] Expected<void> finish();
    // Bytes handed to the sink so far (after finish(): the archive size, rpm's PAYLOADSIZE).
    [[nodiscard]] std::uint64_t bytes_written() const;

private:
    struct State;
    explicit CpioWriter(std::unique_ptr<State> state);
    [[nodiscard]] Expected<void> write_header(const CpioMeta& meta, unsigned type,
                                              std::uint64_t size, std::string_view link);
    [[nodiscard]] Expected<void> check_no_open_file() const;
    [[nodiscard]] Error error(std::string_view what) const;
    std::unique_ptr<State> m_state;
};

} // namespace pydeb::adapters::archive
