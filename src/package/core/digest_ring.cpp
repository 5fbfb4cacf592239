#include "package/core/digest_ring.hpp"

#include <algorithm>

namespace pydeb::package
{

namespace
{

// Queued bytes that wake the worker (besides a waiting reader and the end). The worker is woken
// per batch, not per piece: a package has thousands of small files, and each wake-up is a futex
// call and a context switch, some of them on the reader's critical path.
constexpr std::uint64_t k_batch = 256 * 1024;

} // namespace

DigestRing::DigestRing(util::HashAlgorithm algorithm, std::size_t size)
    : m_ring(size), m_algorithm(algorithm), m_worker([this] { run(); })
{
}

DigestRing::~DigestRing()
{
    (void)finish();
}

std::span<std::byte> DigestRing::wait_for_space(std::size_t want)
{
    const std::size_t capacity = m_ring.bytes().size();
    std::unique_lock lock(m_mutex);
    if (m_reserved - m_released == capacity)
    {
        m_reader_waiting = true;
        m_work.notify_one();
        m_space.wait(lock, [&] { return m_reserved - m_released < capacity; });
        m_reader_waiting = false;
    }
    const std::size_t position = m_reserved % capacity;
    const std::size_t free = capacity - (m_reserved - m_released);
    return m_ring.bytes().subspan(position, std::min({want, capacity - position, free}));
}

void DigestRing::push(std::size_t file, std::span<std::byte> space, std::size_t length, bool last)
{
    const auto offset = static_cast<std::size_t>(space.data() - m_ring.bytes().data());
    bool wake = false;
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back({file, offset, length, last});
        m_reserved += length;
        m_queued += length;
        wake = m_queued >= k_batch;
    }
    if (wake)
    {
        m_work.notify_one();
    }
}

void DigestRing::hash(const std::deque<Piece>& batch)
{
    for (const Piece& piece : batch)
    {
        if (!m_hasher)
        {
            m_hasher.emplace(m_algorithm);
        }
        m_hasher->update(m_ring.bytes().subspan(piece.offset, piece.length));
        if (piece.last)
        {
            m_digests.resize(std::max(m_digests.size(), piece.file + 1));
            m_digests[piece.file] = util::to_hex(m_hasher->finish());
            m_hasher.reset();
        }
    }
}

void DigestRing::run()
{
    std::deque<Piece> batch;
    for (;;)
    {
        {
            std::unique_lock lock(m_mutex);
            m_work.wait(lock,
                        [&] {
                            return m_closing ||
                                   (!m_queue.empty() && (m_reader_waiting || m_queued >= k_batch));
                        });
            if (m_queue.empty())
            {
                return; // closing, and all is hashed
            }
            batch.swap(m_queue);
            m_queued = 0;
        }
        hash(batch);
        std::uint64_t done = 0;
        for (const Piece& piece : batch)
        {
            done += piece.length;
        }
        batch.clear();
        bool wake = false;
        {
            const std::lock_guard lock(m_mutex);
            m_released += done;
            wake = m_reader_waiting;
        }
        if (wake)
        {
            m_space.notify_one();
        }
    }
}

std::vector<std::string> DigestRing::finish()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_work.notify_one();
    if (m_worker.joinable())
    {
        m_worker.join();
    }
    return std::move(m_digests);
}

} // namespace pydeb::package
