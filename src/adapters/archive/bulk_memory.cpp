#include "adapters/archive/bulk_memory.hpp"

#include <cstdint>
#include <cstdlib>
#include <sys/mman.h>
#include <utility>

namespace pydeb::adapters::archive
{

namespace
{

// What bulk_free must undo is kept in front of the caller's bytes (the mapping, or nothing for
// malloc), so it needs no table and no lock: zstd's worker threads allocate and free too.
struct Prefix
{
    void* mapping = nullptr;
    std::size_t length = 0;
};
constexpr std::size_t k_prefix = 64;
static_assert(sizeof(Prefix) <= k_prefix);

constexpr std::size_t k_huge_page = 2 * 1024 * 1024;

// From this size on, one huge page beats the page faults of the 4 KiB pages it replaces (zstd's
// per-worker tables are about 1 MiB and cleared for every job).
constexpr std::size_t k_map_threshold = 512 * 1024;

std::size_t round_up(std::size_t value, std::size_t step)
{
    return (value + step - 1) / step * step;
}

} // namespace

void* bulk_allocate(std::size_t size)
{
    if (size < k_map_threshold)
    {
        void* block = std::malloc(size + k_prefix);
        if (block == nullptr)
        {
            return nullptr;
        }
        *static_cast<Prefix*>(block) = Prefix{};
        return static_cast<std::byte*>(block) + k_prefix;
    }
    // Huge pages need 2 MiB-aligned 2 MiB ranges inside the mapping: map one page more than
    // needed and start on the first boundary.
    const std::size_t used = round_up(size + k_prefix, k_huge_page);
    const std::size_t length = used + k_huge_page;
    void* mapping =
        ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping == MAP_FAILED)
    {
        return nullptr;
    }
    auto* start = reinterpret_cast<std::byte*>(
        round_up(reinterpret_cast<std::uintptr_t>(mapping), k_huge_page));
    // Advice only: EINVAL without THP support leaves ordinary pages, which is fine.
    ::madvise(start, used, MADV_HUGEPAGE);
    *reinterpret_cast<Prefix*>(start) = Prefix{mapping, length};
    return start + k_prefix;
}

void bulk_free(void* memory)
{
    if (memory == nullptr)
    {
        return;
    }
    void* block = static_cast<std::byte*>(memory) - k_prefix;
    const Prefix prefix = *static_cast<Prefix*>(block);
    if (prefix.mapping == nullptr)
    {
        std::free(block);
        return;
    }
    ::munmap(prefix.mapping, prefix.length);
}

BulkBuffer::BulkBuffer(std::size_t size)
    : m_data(static_cast<std::byte*>(bulk_allocate(size))), m_size(m_data != nullptr ? size : 0)
{
}

BulkBuffer::~BulkBuffer()
{
    bulk_free(m_data);
}

BulkBuffer::BulkBuffer(BulkBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

} // namespace pydeb::adapters::archive
