// Memory for large streaming buffers (the zstd encoder's job buffers, the digesting reader's
// ring): anonymous mappings advised to use transparent huge pages.
//
// Why: every first touch of a 4 KiB page is a page fault, about 1 µs on bare metal and over 10 µs
// in some virtual machines. Writing one .deb touches about 15 MiB of fresh buffers (zstd copies
// its whole input into per-job buffers), so 4 KiB pages cost more than the compression of small
// packages; 2 MiB pages cut the faults 512-fold. Untouched parts of a mapping cost nothing, so
// generous sizes are fine. Without THP (disabled, or no huge page free) the memory still works,
// with 4 KiB pages.
#pragma once

#include <cstddef>
#include <span>

namespace pydeb::adapters::archive
{

// Any size (small ones come from malloc); aligned as malloc aligns; thread-safe; nullptr on
// failure.
[[nodiscard]] void* bulk_allocate(std::size_t size);
void bulk_free(void* memory);

// One bulk allocation, owned.
class BulkBuffer
{
public:
    // An empty span if the memory could not be mapped.
    explicit BulkBuffer(std::size_t size);
    ~BulkBuffer();
    BulkBuffer(BulkBuffer&& other) noexcept;
    BulkBuffer& operator=(BulkBuffer&&) = delete;
    BulkBuffer(const BulkBuffer&) = delete;
    BulkBuffer& operator=(const BulkBuffer&) = delete;

    [[nodiscard]] std::span<std::byte> bytes() const { return {m_data, m_size}; }

private:
    std::byte* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace pydeb::adapters::archive
