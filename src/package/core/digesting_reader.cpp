#include "package/core/digesting_reader.hpp"

#include "adapters/archive/file_io.hpp"
#include "package/core/digest_ring.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::package
{

namespace
{

// Largest single read(2): big enough to keep syscalls few, small enough that the consumer and the
// worker overlap on large files.
constexpr std::size_t k_max_read = 1024 * 1024;

} // namespace

DigestingReader::DigestingReader(util::HashAlgorithm algorithm, std::size_t ring_size)
    : m_ring(std::make_unique<DigestRing>(algorithm, ring_size))
{
}

DigestingReader::~DigestingReader() = default;

Expected<std::size_t> DigestingReader::read(const fs::path& source, std::uint64_t size,
                                            const Consume& consume)
{
    if (m_state != State::reading || !m_ring->usable())
    {
        return fail(source.string() + ": not read: " +
                    (m_state == State::failed     ? "an earlier file failed"
                     : m_state == State::finished ? "the digests were already taken"
                                                  : "no memory for the read buffer"));
    }
    const adapters::archive::UniqueFd file(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0)
    {
        m_state = State::failed;
        return fail(source.string() + ": cannot read: " + std::strerror(errno));
    }
    const std::size_t number = m_files++;
    auto streamed = stream(file.get(), source, number, size, consume);
    if (!streamed)
    {
        m_state = State::failed;
        return std::unexpected(std::move(streamed).error());
    }
    return number;
}

Expected<void> DigestingReader::stream(int fd, const fs::path& source, std::size_t file,
                                       std::uint64_t size, const Consume& consume)
{
    const auto changed = [&]
    {
        return fail(source.string() + ": file changed size while being packaged (expected " +
                    std::to_string(size) + " bytes); rebuild without modifying the staging tree");
    };
    // Each read asks for one byte more than the rest of the file: a regular file returns less only
    // at its end, so getting exactly the rest proves the end without another read(2).
    bool at_end = false;
    std::uint64_t done = 0;
    while (!at_end)
    {
        const std::uint64_t rest = size - done;
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(rest + 1, k_max_read));
        const std::span<std::byte> space = m_ring->wait_for_space(want);
        const ssize_t n = ::read(fd, space.data(), space.size());
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
            return changed(); // longer or shorter than listed
        }
        done += length;
        at_end = length == rest && (length < space.size() || length == 0);
        if (length > 0 || at_end)
        {
            m_ring->push(file, space, length, at_end);
        }
        if (length > 0)
        {
            PYDEB_TRY(consume({reinterpret_cast<const char*>(space.data()), length}));
        }
    }
    return {};
}

std::vector<std::string> DigestingReader::digests()
{
    m_state = State::finished;
    std::vector<std::string> out = m_ring->finish();
    out.resize(m_files);
    return out;
}

} // namespace pydeb::package
