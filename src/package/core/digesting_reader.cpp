#include "package/core/digesting_reader.hpp"

#include "adapters/archive/file_io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::package
{

DigestingReader::DigestingReader(util::HashAlgorithm algorithm, std::size_t buffer_size)
    : m_algorithm(algorithm), m_buffer(std::max<std::size_t>(buffer_size, 1))
{
}

Expected<std::size_t> DigestingReader::read(const fs::path& source, std::uint64_t size,
                                            const Consume& consume)
{
    if (m_state != State::reading)
    {
        return fail(source.string() + ": not read: " +
                    (m_state == State::failed ? "an earlier file failed"
                                              : "the digests were already taken"));
    }
    const util::Fd file(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0)
    {
        m_state = State::failed;
        return fail(source.string() + ": cannot read: " + std::strerror(errno));
    }
    auto digest = stream(file.get(), source, size, consume);
    if (!digest)
    {
        m_state = State::failed;
        return std::unexpected(std::move(digest).error());
    }
    m_digests.push_back(std::move(*digest));
    return m_digests.size() - 1;
}

Expected<std::string> DigestingReader::stream(int fd, const fs::path& source, std::uint64_t size,
                                              const Consume& consume)
{
    util::Hasher hasher(m_algorithm);
    // Each read asks for one byte more than the rest of the file (up to the buffer): a regular
    // file returns less only at its end, so a short read that is exactly the rest proves the end.
    std::uint64_t done = 0;
    for (;;)
    {
        const std::uint64_t rest = size - done;
        const auto want =
            static_cast<std::size_t>(std::min<std::uint64_t>(rest + 1, m_buffer.size()));
        const ssize_t n = ::read(fd, m_buffer.data(), want);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n < 0)
        {
            return fail(source.string() + ": read failed: " + std::strerror(errno));
        }
        const auto length = static_cast<std::size_t>(n);
        if (length > rest || (length == 0 && rest > 0))
        {
            return fail(source.string() + ": file changed size while being packaged (expected " +
                        std::to_string(size) +
                        " bytes); rebuild without modifying the staging tree");
        }
        done += length;
        const std::span<const std::byte> piece(m_buffer.data(), length);
        hasher.update(piece);
        if (length > 0)
        {
            PYDEB_TRY(consume({reinterpret_cast<const char*>(piece.data()), length}));
        }
        if (length == rest && (length < want || length == 0))
        {
            return util::to_hex(hasher.finish());
        }
    }
}

std::vector<std::string> DigestingReader::digests()
{
    m_state = State::finished;
    return std::move(m_digests);
}

} // namespace pydeb::package
