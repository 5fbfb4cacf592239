// One zstd frame (RFC 8878) from libzstd's streaming encoder, as libarchive 3.6's zstd filter
// writes it: the given level, no checksum, no content size in the frame header, and always the
// multithreaded encoder (nbWorkers >= 1). Its output depends only on the input and the level,
// never on the worker count (libzstd cuts jobs by size, not by thread), so packages are the same
// on every machine; it differs from the single-threaded encoder's, which is why workers is never 0.
// The encoder's buffers come from bulk_memory (huge pages): at level 3 it copies its whole input
// into fresh 8 MiB job buffers, whose page faults would otherwise cost more than compressing.
#pragma once

#include "util/expected.hpp"

#include <functional>
#include <memory>
#include <string_view>

namespace pydeb::adapters::archive
{

class ZstdEncoder
{
public:
    // Receives the compressed bytes in order; an error stops the encoder.
    using Output = std::function<Expected<void>(std::string_view)>;

    // workers: compression threads (>= 1; 0 is raised to 1, see above).
    [[nodiscard]] static Expected<ZstdEncoder> create(int level, unsigned workers, Output output);
    ZstdEncoder(ZstdEncoder&&) noexcept;
    ZstdEncoder& operator=(ZstdEncoder&&) = delete;
    ~ZstdEncoder();

    [[nodiscard]] Expected<void> write(std::string_view data);
    // End the frame and hand out the rest. Required before the output is complete.
    [[nodiscard]] Expected<void> finish();

private:
    struct State;
    explicit ZstdEncoder(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace pydeb::adapters::archive
