// Files read once and hashed on a worker thread while the caller streams the same bytes into an
// archive: data.tar and its md5sums (deb), the cpio payload and FILEDIGESTS (rpm).
//
// Why a worker: hashing costs about as much as everything else the writer's thread does per
// byte, and that thread feeds the compressor, whose first job (8 MiB at zstd level 3) cannot
// start before its input is complete. The bytes travel through a ring buffer: the caller reads a
// piece of a file into it, queues it for the worker and hands it to its consumer; the worker
// hashes it and frees the space. Nothing is read twice, so a file that changes while the package
// is written cannot yield a digest of other bytes than the archive holds.
#pragma once

#include "util/expected.hpp"
#include "util/hash.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::package
{

class DigestRing;

class DigestingReader
{
public:
    using Consume = std::function<Expected<void>(std::string_view)>;

    // 8 MiB holds the whole first zstd job of a package, so the reader never waits for the worker
    // before the compressor can start (2 MiB measured a few ms slower). Tests pass a tiny ring to
    // exercise the wrap-around.
    static constexpr std::size_t k_default_ring = 8 * 1024 * 1024;

    explicit DigestingReader(util::HashAlgorithm algorithm, std::size_t ring_size = k_default_ring);
    ~DigestingReader(); // stops the worker, also after an error
    DigestingReader(const DigestingReader&) = delete;
    DigestingReader& operator=(const DigestingReader&) = delete;

    // Read `source`, which must have exactly `size` bytes, and pass it to `consume` in pieces, in
    // order, on this thread. Returns the file's number (0, 1, ... in call order) in digests().
    // Fails (and the reader refuses further files) on a read error, a consume error, or a file
    // whose size is not `size`: it changed after it was listed.
    [[nodiscard]] Expected<std::size_t> read(const std::filesystem::path& source,
                                             std::uint64_t size, const Consume& consume);

    // Wait for the worker; the hex digest of every file read, by number. Ends the reader.
    [[nodiscard]] std::vector<std::string> digests();

private:
    enum class State
    {
        reading,
        failed,   // a file could not be read: its digest would be of partial bytes
        finished, // digests() was called: the worker is gone
    };
    [[nodiscard]] Expected<void> stream(int fd, const std::filesystem::path& source,
                                        std::size_t file, std::uint64_t size,
                                        const Consume& consume);
    std::unique_ptr<DigestRing> m_ring; // digest_ring.hpp
    std::size_t m_files = 0;
    State m_state = State::reading;
};

} // namespace pydeb::package
