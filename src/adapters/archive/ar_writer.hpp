// A Unix ar archive in the common format dpkg reads and writes (deb(5)): "!<arch>\n", then per
// member a 60-byte header (name up to 15 bytes, no trailing '/'), uid/gid 0, mode 100644, data
// padded to an even length with '\n'.
#pragma once

#include "adapters/archive/file_io.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace pydeb::adapters::archive
{

class ArWriter
{
public:
    [[nodiscard]] static Expected<ArWriter> create(const std::filesystem::path& output);

    [[nodiscard]] Expected<void> add_member(std::string_view name, std::string_view data,
                                            std::int64_t mtime);
    // Copy a member from a file (the compressed data.tar), inside the kernel where possible.
    [[nodiscard]] Expected<void>
    add_member_from(std::string_view name, const std::filesystem::path& source, std::int64_t mtime);
    [[nodiscard]] Expected<void> close();

private:
    ArWriter(util::Fd fd, std::filesystem::path path) : m_fd(std::move(fd)), m_path(std::move(path))
    {
    }
    [[nodiscard]] Expected<void> write_header(std::string_view name, std::uint64_t size,
                                              std::int64_t mtime);
    [[nodiscard]] Expected<void> write_all(std::string_view data);
    util::Fd m_fd;
    std::filesystem::path m_path;
};

} // namespace pydeb::adapters::archive
