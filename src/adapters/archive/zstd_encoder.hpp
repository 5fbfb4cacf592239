// One zstd frame (RFC 8878) from libzstd's streaming encoder, as libarchive 3.6's zstd filter
// writes it: the given level, no checksum, no content size in the frame header. Threading is the
// caller's explicit choice, because it changes the bytes: the multithreaded encoder's output
// depends only on the input and the level, never on the worker count (libzstd cuts jobs by size,
// not by thread), so packages are the same on every machine, but it differs from the
// single-threaded encoder's. So data.tar always gets the multithreaded one and control.tar, a
// few KiB, always the single-threaded one (no threads to start, no 8 MiB job buffers to fault in).
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

    // workers: compression threads of the multithreaded encoder (>= 1); 0: the single-threaded
    // encoder (see above).
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
