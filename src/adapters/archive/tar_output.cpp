#include "adapters/archive/tar_output.hpp"

#include <cstring>

namespace pydeb::adapters::archive
{

Expected<std::unique_ptr<TarOutput>> TarOutput::to_file(const std::filesystem::path& path)
{
    std::unique_ptr<TarOutput> output(new TarOutput(path.string()));
    output->m_fd = PYDEB_TRY(create_file(path));
    return output;
}

std::unique_ptr<TarOutput> TarOutput::to_memory(std::string& memory)
{
    std::unique_ptr<TarOutput> output(new TarOutput("(in-memory tar)"));
    output->m_memory = &memory;
    return output;
}

Expected<void> TarOutput::start_zstd(int level, unsigned workers)
{
    m_zstd.emplace(PYDEB_TRY(ZstdEncoder::create(
        level, workers, [this](std::string_view bytes) { return emit(bytes); })));
    return {};
}

Expected<void> TarOutput::emit(std::string_view bytes)
{
    if (m_memory != nullptr)
    {
        m_memory->append(bytes);
        return {};
    }
    if (const int error = write_fully(m_fd.get(), bytes); error != 0)
    {
        return fail(m_name + ": write failed: " + std::strerror(error));
    }
    return {};
}

bool TarOutput::consume(std::string_view bytes)
{
    auto done = m_zstd ? m_zstd->write(bytes) : emit(bytes);
    if (!done)
    {
        m_failure = std::move(done).error();
        return false;
    }
    return true;
}

Expected<void> TarOutput::finish()
{
    if (m_zstd)
    {
        PYDEB_TRY(m_zstd->finish());
    }
    if (const int error = m_fd.close(); error != 0)
    {
        return fail(m_name + ": close failed: " + std::strerror(error));
    }
    return {};
}

} // namespace pydeb::adapters::archive
