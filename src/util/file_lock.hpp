// An exclusive advisory lock on a lock file (flock(2)), with a bounded wait. The kernel drops it
// when its descriptor is closed, also when the process is killed, so a killed build never leaves
// a lock held. Two descriptors of one process conflict like two processes (flock(2) locks belong
// to the open file description), so threads may use it too.
#pragma once

#include "util/fd.hpp"

#include <chrono>
#include <filesystem>
#include <optional>

namespace pydeb::util
{

class FileLock
{
public:
    // The lock on `path` (created 0644 if missing), waiting at most `wait` for its holder; nullopt
    // when the wait runs out or the file cannot be opened (a read-only or full file system).
    [[nodiscard]] static std::optional<FileLock> acquire(const std::filesystem::path& path,
                                                         std::chrono::milliseconds wait);

    // The lock of the directory `path` itself (flock(2) on the directory), taken without waiting;
    // nullopt when someone holds it or it is no directory. A TempDir holds its own, so a cleanup
    // tells a directory a killed process left (nobody holds it) from one in use.
    [[nodiscard]] static std::optional<FileLock> try_directory(const std::filesystem::path& path);

private:
    explicit FileLock(Fd fd) : m_fd(std::move(fd)) {}
    Fd m_fd;
};

} // namespace pydeb::util
