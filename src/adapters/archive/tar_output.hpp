// Where a TarWriter's bytes go: a file or a string, through the zstd encoder when the tar is
// zstd-compressed (gzip and xz are libarchive filters in front of it). Internal to
// adapters/archive; libarchive's write callback hands every block to consume().
#pragma once

#include "adapters/archive/file_io.hpp"
#include "adapters/archive/zstd_encoder.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::adapters::archive
{

class TarOutput
{
public:
    [[nodiscard]] static Expected<std::unique_ptr<TarOutput>>
    to_file(const std::filesystem::path& path);
    [[nodiscard]] static std::unique_ptr<TarOutput> to_memory(std::string& memory);

    // Compress everything consume() gets from now on into one zstd frame.
    [[nodiscard]] Expected<void> start_zstd(int level, unsigned workers);
    // Remembers a failure for error() (libarchive only learns "the write failed").
    [[nodiscard]] bool consume(std::string_view bytes);
    // End the zstd frame and close the file; a late write error surfaces here.
    [[nodiscard]] Expected<void> finish();

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] const std::optional<Error>& failure() const { return m_failure; }

private:
    explicit TarOutput(std::string name) : m_name(std::move(name)) {}
    [[nodiscard]] Expected<void> emit(std::string_view bytes);

    std::string m_name;
    util::Fd m_fd;
    std::string* m_memory = nullptr;
    std::optional<ZstdEncoder> m_zstd;
    std::optional<Error> m_failure;
};

} // namespace pydeb::adapters::archive
