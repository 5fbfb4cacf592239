// POSIX file I/O the archive writers share: an owned descriptor, whole writes and in-kernel
// appends of one file to another.
#pragma once

#include "util/expected.hpp"
#include "util/fd.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <utility>

namespace pydeb::adapters::archive
{

// An open file descriptor, closed on destruction.
// open(2) for writing, created or truncated, mode 0644.
[[nodiscard]] Expected<util::Fd> create_file(const std::filesystem::path& path);

// write(2) until done; 0 or the errno of the failure.
[[nodiscard]] int write_fully(int fd, std::string_view data);

// Append all of `source` at fd's position, copied inside the kernel (copy_file_range(2)) where
// the file systems allow, else through a buffer. Returns the bytes copied.
[[nodiscard]] Expected<std::uint64_t> append_file(int fd, const std::filesystem::path& source);

} // namespace pydeb::adapters::archive
