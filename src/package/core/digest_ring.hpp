// The ring buffer between DigestingReader (the thread that reads files and streams them into an
// archive) and its worker thread (which hashes the same bytes). Internal to package/core.
#pragma once

#include "adapters/archive/bulk_memory.hpp"
#include "util/hash.hpp"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace pydeb::package
{

class DigestRing
{
public:
    // Starts the worker. An empty ring (no memory) is reported by usable().
    DigestRing(util::HashAlgorithm algorithm, std::size_t size);
    ~DigestRing(); // stops the worker; pending pieces are hashed first
    DigestRing(const DigestRing&) = delete;
    DigestRing& operator=(const DigestRing&) = delete;

    [[nodiscard]] bool usable() const { return !m_ring.bytes().empty(); }
    // Contiguous free space at the write position, at most `want` bytes (and at least 1); waits
    // while the ring is full.
    [[nodiscard]] std::span<std::byte> wait_for_space(std::size_t want);
    // Hand the first `length` bytes of the last wait_for_space() span to the worker, as the next
    // bytes of file number `file`; `last` completes that file's digest.
    void push(std::size_t file, std::span<std::byte> space, std::size_t length, bool last);
    // Stop the worker once it has hashed everything; the hex digest of every completed file.
    [[nodiscard]] std::vector<std::string> finish();

private:
    struct Piece
    {
        std::size_t file = 0;
        std::size_t offset = 0;
        std::size_t length = 0;
        bool last = false;
    };
    void run();
    void hash(const std::deque<Piece>& batch);

    adapters::archive::BulkBuffer m_ring;
    util::HashAlgorithm m_algorithm;
    // The ring's bytes between m_released and m_reserved belong to queued or in-flight pieces:
    // the reader writes only outside them, the worker reads only inside. Guarded by m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_work;  // for the worker: a batch is ready, the reader waits, or stop
    std::condition_variable m_space; // for the reader: the worker freed ring space
    std::deque<Piece> m_queue;
    std::uint64_t m_reserved = 0; // bytes ever read into the ring
    std::uint64_t m_released = 0; // bytes ever freed by the worker
    std::uint64_t m_queued = 0;   // bytes in m_queue
    bool m_reader_waiting = false;
    bool m_closing = false;
    // The worker's alone until it is joined.
    std::optional<util::Hasher> m_hasher;
    std::vector<std::string> m_digests;
    std::thread m_worker; // last: started after everything above exists
};

} // namespace pydeb::package
