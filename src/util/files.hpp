// File helpers: whole-file reads, atomic outputs and scoped temporary directories.
#pragma once

#include "util/directories.hpp"
#include "util/expected.hpp"
#include "util/file_lock.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::util
{

// The whole regular file. On failure errno is that of the failing call (EINVAL: the path is no
// regular file, e.g. a directory or a FIFO, which is never opened for a blocking read).
[[nodiscard]] Expected<std::string> read_file(const std::filesystem::path& path);

// True when the bytes, or the open file, start with the ELF magic "\x7fELF" (gABI
// e_ident[EI_MAG0..3]); the file's four bytes are read at offset 0 (pread: its offset is left alone).
[[nodiscard]] bool has_elf_magic(std::string_view bytes);
[[nodiscard]] bool has_elf_magic(int fd);

// Write via a temporary file in the same directory and rename(2) it into place, so readers see
// the old file or the whole new one, never a partial one.
[[nodiscard]] Expected<void>
write_file_atomic(const std::filesystem::path& path, std::string_view data,
                  std::filesystem::perms mode = std::filesystem::perms(0644));

// An output that appears at its path only on commit(). Until then the bytes go to a hidden
// temporary file beside it; the destructor (and SIGINT/SIGTERM/SIGHUP, with the InterruptCleanup
// main holds: interrupt_cleanup.hpp) remove that file, so a failed or killed build never leaves a
// partial package at the output path.
class AtomicOutput
{
public:
    [[nodiscard]] static Expected<AtomicOutput> create(const std::filesystem::path& final_path);
    AtomicOutput(AtomicOutput&& other) noexcept;
    AtomicOutput& operator=(AtomicOutput&&) = delete;
    ~AtomicOutput();

    [[nodiscard]] const std::filesystem::path& temporary_path() const { return m_temporary; }
    [[nodiscard]] const std::filesystem::path& final_path() const { return m_final; }
    // fsync and rename into place; mode is applied first (umask-independent).
    [[nodiscard]] Expected<void> commit(std::filesystem::perms mode = std::filesystem::perms(0644));

private:
    AtomicOutput(std::filesystem::path final_path, std::filesystem::path temporary);
    std::filesystem::path m_final;
    std::filesystem::path m_temporary;
    bool m_done = false;
};

// A directory created under $TMPDIR (or a given parent) and removed recursively on destruction,
// its emptied directories given to `spares` when there is a pool (which must outlive it). It holds
// its own directory lock (FileLock::try_directory) while it lives, so one that a killed process
// left behind can be told from one in use (remove_abandoned_temp_dirs).
class TempDir
{
public:
    [[nodiscard]] static Expected<TempDir> create(std::string_view prefix,
                                                  const std::filesystem::path& parent = {},
                                                  SpareDirectories* spares = nullptr);
    TempDir(TempDir&& other) noexcept;
    TempDir& operator=(TempDir&&) = delete;
    ~TempDir();
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    // Keep the directory after destruction (for debugging a failed run).
    void keep() { m_path.clear(); }
    // Remove what is in the directory now (emptied directories to the pool), keeping the
    // directory and its lock; the destructor removes the rest.
    void remove_contents() const;

private:
    TempDir(std::filesystem::path path, SpareDirectories* spares)
        : m_path(std::move(path)), m_spares(spares), m_lock(FileLock::try_directory(m_path))
    {
    }
    std::filesystem::path m_path;
    SpareDirectories* m_spares = nullptr;
    std::optional<FileLock> m_lock;
};

// Remove the directories PREFIX-* under $TMPDIR (else /tmp) that killed processes left: unused for
// an hour (mtime) and held by no TempDir. A cleanup: best effort, quiet.
void remove_abandoned_temp_dirs(std::string_view prefix);

} // namespace pydeb::util
