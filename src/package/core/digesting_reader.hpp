// Files read once and hashed while the caller streams the same bytes into an archive: data.tar and
// its md5sums (deb), the cpio payload and FILEDIGESTS (rpm). Nothing is read twice, so a file that
// changes while the package is written cannot yield a digest of other bytes than the archive
// holds. (Hashing on a worker thread saved under 5% of a cold build and was removed.)
#pragma once

#include "util/expected.hpp"
#include "util/hash.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::package
{

class DigestingReader
{
public:
    using Consume = std::function<Expected<void>(std::string_view)>;

    // The largest piece handed to the consumer. Tests pass a tiny one to cut files into pieces.
    static constexpr std::size_t k_default_buffer = 1024 * 1024;

    explicit DigestingReader(util::HashAlgorithm algorithm,
                             std::size_t buffer_size = k_default_buffer);
    DigestingReader(const DigestingReader&) = delete;
    DigestingReader& operator=(const DigestingReader&) = delete;

    // Read `source`, which must have exactly `size` bytes, and pass it to `consume` in pieces, in
    // order, on this thread. Returns the file's number (0, 1, ... in call order) in digests().
    // Fails (and the reader refuses further files) on a read error, a consume error, or a file
    // whose size is not `size`: it changed after it was listed.
    [[nodiscard]] Expected<std::size_t> read(const std::filesystem::path& source,
                                             std::uint64_t size, const Consume& consume);

    // The hex digest of every file read, by number. Ends the reader.
    [[nodiscard]] std::vector<std::string> digests();

private:
    enum class State
    {
        reading,
        failed,   // a file could not be read: its digest would be of partial bytes
        finished, // digests() was called
    };
    [[nodiscard]] Expected<std::string> stream(int fd, const std::filesystem::path& source,
                                               std::uint64_t size, const Consume& consume);
    util::HashAlgorithm m_algorithm;
    std::vector<std::byte> m_buffer;
    std::vector<std::string> m_digests;
    State m_state = State::reading;
};

} // namespace pydeb::package
