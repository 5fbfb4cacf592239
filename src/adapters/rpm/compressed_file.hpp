// RAII owner of a librpm FD_t opened for writing through one of rpmio's compressors, so the
// payload is compressed by the same code (and the same flag strings, "w19.zstdio") rpmbuild uses,
// and rpm reads it back with the matching PAYLOADCOMPRESSOR.
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <span>
#include <string>

namespace pydeb::adapters::rpm
{

// What decides a compressed payload's bytes besides its input: the mode, rpmio's version and the
// compression libraries rpmio calls (for cache keys of whole payloads).
[[nodiscard]] std::string compressor_identity(const std::string& mode);

class CompressedFile
{
public:
    // mode is an rpmio open mode: "w19.zstdio", "w6.xzdio", "w9.gzdio".
    [[nodiscard]] static Expected<CompressedFile> create(const std::filesystem::path& path,
                                                         const std::string& mode);
    ~CompressedFile();
    CompressedFile(CompressedFile&& other) noexcept;
    CompressedFile& operator=(CompressedFile&&) = delete;
    CompressedFile(const CompressedFile&) = delete;
    CompressedFile& operator=(const CompressedFile&) = delete;

    [[nodiscard]] Expected<void> write(std::span<const std::byte> data);
    // Flush the compressor's final frame and close; required before the file is complete.
    [[nodiscard]] Expected<void> close();

private:
    CompressedFile(void* fd, std::filesystem::path path) : m_fd(fd), m_path(std::move(path)) {}
    void* m_fd = nullptr; // FD_t
    std::filesystem::path m_path;
};

} // namespace pydeb::adapters::rpm
