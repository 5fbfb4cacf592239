#include "adapters/archive/zstd_encoder.hpp"

#include <algorithm>
#include <string>

#include <zstd.h>

namespace pydeb::adapters::archive
{

struct ZstdEncoder::State
{
    ZSTD_CCtx* context = nullptr;
    Output output;
    std::unique_ptr<char[]> buffer;
    std::size_t capacity = 0;
    bool finished = false;

    ~State()
    {
        if (context != nullptr)
        {
            ZSTD_freeCCtx(context);
        }
    }

    Expected<void> check(std::size_t code, std::string_view what) const
    {
        if (ZSTD_isError(code) != 0U)
        {
            return fail("zstd: " + std::string(what) + ": " + ZSTD_getErrorName(code));
        }
        return {};
    }

    // Run the encoder over `data` with `directive`; hand out full buffers (all of it at the end).
    // Returns when the input is consumed and, for ZSTD_e_end, the frame is complete.
    Expected<void> run(std::string_view data, ZSTD_EndDirective directive)
    {
        ZSTD_inBuffer in{data.data(), data.size(), 0};
        for (;;)
        {
            ZSTD_outBuffer out{buffer.get(), capacity, 0};
            const std::size_t remaining = ZSTD_compressStream2(context, &out, &in, directive);
            PYDEB_TRY(check(remaining, "compression failed"));
            if (out.pos > 0)
            {
                PYDEB_TRY(output(std::string_view(buffer.get(), out.pos)));
            }
            const bool input_done = in.pos == in.size;
            if (directive == ZSTD_e_end ? remaining == 0 : input_done && out.pos < capacity)
            {
                return {};
            }
        }
    }
};

ZstdEncoder::ZstdEncoder(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ZstdEncoder::ZstdEncoder(ZstdEncoder&&) noexcept = default;
ZstdEncoder::~ZstdEncoder() = default;

constexpr int k_job_size = 4 << 20;

Expected<ZstdEncoder> ZstdEncoder::create(int level, unsigned workers, Output output)
{
    auto state = std::make_unique<State>();
    state->output = std::move(output);
    state->context = ZSTD_createCCtx();
    if (state->context == nullptr)
    {
        return fail("zstd: cannot allocate an encoder");
    }
    ZSTD_CCtx* context = state->context;
    PYDEB_TRY(state->check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level),
                           "compression level " + std::to_string(level)));
    PYDEB_TRY(state->check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 0), "checksum"));
    PYDEB_TRY(
        state->check(ZSTD_CCtx_setParameter(context, ZSTD_c_nbWorkers, static_cast<int>(workers)),
                     "libzstd was built without threads"));
    if (workers > 0)
    {
        // Each worker holds its job's input and output plus the window: libzstd's default job
        // (4 windows, 8 MiB at level 3) cost 57 MiB with 2 workers (zstd -T2, GNU time), 4 MiB
        // jobs 33 MiB, for a payload 0.46% larger (the large bench app's data.tar).
        PYDEB_TRY(state->check(ZSTD_CCtx_setParameter(context, ZSTD_c_jobSize, k_job_size),
                               "job size"));
    }
    state->capacity = ZSTD_CStreamOutSize();
    state->buffer = std::make_unique_for_overwrite<char[]>(state->capacity);
    return ZstdEncoder(std::move(state));
}

Expected<void> ZstdEncoder::write(std::string_view data)
{
    if (m_state->finished)
    {
        return fail("zstd: write after the end of the frame");
    }
    // ZSTD_e_continue only: a first call with ZSTD_e_end would pledge the input size, which puts
    // it in the frame header and turns small inputs single-threaded (other bytes).
    return data.empty() ? Expected<void>{} : m_state->run(data, ZSTD_e_continue);
}

Expected<void> ZstdEncoder::finish()
{
    if (m_state->finished)
    {
        return {};
    }
    m_state->finished = true;
    return m_state->run({}, ZSTD_e_end);
}

} // namespace pydeb::adapters::archive
