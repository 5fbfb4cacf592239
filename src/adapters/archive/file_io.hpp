// POSIX file I/O the archive writers share: an owned descriptor, whole writes and in-kernel
// appends of one file to another.
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <utility>

namespace pydeb::adapters::archive
{

// An open file descriptor, closed on destruction.
class UniqueFd
{
public:
    explicit UniqueFd(int fd = -1) : m_fd(fd) {}
    ~UniqueFd();
    UniqueFd(UniqueFd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    [[nodiscard]] int get() const { return m_fd; }
    // close(2) now: 0 or the errno of the failure (a late write error surfaces here).
    [[nodiscard]] int close();

private:
    int m_fd = -1;
};

// open(2) for writing, created or truncated, mode 0644.
[[nodiscard]] Expected<UniqueFd> create_file(const std::filesystem::path& path);

// write(2) until done; 0 or the errno of the failure.
[[nodiscard]] int write_fully(int fd, std::string_view data);

// Append all of `source` at fd's position, copied inside the kernel (copy_file_range(2)) where
// the file systems allow, else through a buffer. Returns the bytes copied.
[[nodiscard]] Expected<std::uint64_t> append_file(int fd, const std::filesystem::path& source);

} // namespace pydeb::adapters::archive
