// pydeb's one cache store, after ccache's local storage: one root directory, passed down from the
// command line (never a process-wide setting), one key builder, one entry header, atomic publish,
// and one size-bounded least-recently-used cleanup for every kind of entry.
//
//   ROOT/<kind>/<key>         an entry: a file (load/store below) or a directory that its kind's
//                             code publishes by rename (installed wheels, payloads)
//   ROOT/<kind>/.tmp-*        entries being written; never read, removed by cleanup when stale
//   ROOT/<kind>/.lock-<key>   the entry's lock file (flock(2)): held by the build making the entry,
//                             so a concurrent build needing it waits and then uses it
//
// ROOT is $XDG_CACHE_HOME/pydeb, else $HOME/.cache/pydeb (XDG Base Directory Specification). Every
// entry only saves time: a missing, unwritable, damaged or concurrently removed entry never fails
// a command. An entry's mtime is the time it was last used, so cleanup removes the least recently
// used first.
#pragma once

#include "util/file_lock.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::util
{

enum class CacheKind
{
    interpreters,      // a target interpreter's facts
    wheels,            // installed-wheel entries (install/wheel_cache.hpp)
    solv,              // repositories as libsolv .solv files
    checks,            // installability-check answers
    dpkg_owners,       // which dpkg package owns a library path
    hashes,            // a wheel file's sha256
    wheel_metadata,    // a wheel file's METADATA
    payloads,          // compressed .deb and .rpm payloads
    spare_directories, // empty directories recycled into stage trees (spare_directories.hpp)
    release_metadata,  // a target release's InRelease and indexes (targets/debian_metadata.hpp)
    downloads,         // files from package indexes, content-addressed: <sha256>/<file name>
    built_wheels,      // wheels built from sdists (PEP 517): <key>/<wheel file>, build.log
};

inline constexpr CacheKind k_cache_kinds[] = {
    CacheKind::interpreters, CacheKind::wheels,         CacheKind::solv,
    CacheKind::checks,       CacheKind::dpkg_owners,    CacheKind::hashes,
    CacheKind::wheel_metadata, CacheKind::payloads,     CacheKind::spare_directories,
    CacheKind::release_metadata, CacheKind::downloads, CacheKind::built_wheels};

// The directory name of a kind ("dpkg-owners").
[[nodiscard]] std::string_view directory_name(CacheKind kind);

// The one key builder: the sha256 of a format name (bump it when an entry's layout or meaning
// changes), pydeb's version, and each field with its length, so "ab"+"c" and "a"+"bc" differ.
class CacheKey
{
public:
    explicit CacheKey(std::string_view format);
    CacheKey& add(std::string_view field);
    CacheKey& add(std::int64_t number);
    // 64 lower-case hex digits.
    [[nodiscard]] std::string hex() const;

private:
    std::string m_text;
};

struct CacheUsage
{
    CacheKind kind;
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;
};

class CacheStore
{
public:
    // 2 GiB: a few large applications' installed wheels.
    static constexpr std::uint64_t k_default_max_size = 2ULL << 30;

    // The store at the XDG location, or off when neither XDG_CACHE_HOME (absolute) nor HOME is set.
    [[nodiscard]] static CacheStore from_environment();
    // `--no-cache`: nothing is read or written.
    [[nodiscard]] static CacheStore off() { return CacheStore(); }
    explicit CacheStore(std::filesystem::path root, std::uint64_t max_size = k_default_max_size)
        : m_root(std::move(root)), m_max_size(max_size)
    {
    }

    [[nodiscard]] bool enabled() const { return !m_root.empty(); }
    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }
    [[nodiscard]] std::uint64_t max_size() const { return m_max_size; }

    // Why entries cannot be written here, e.g. "/c/pydeb: No space left on device", when the root
    // cannot be made or a 4 KiB file in it cannot be written (a read-only or full file system);
    // nullopt when they can. A command checks once and goes without the store, with a warning.
    [[nodiscard]] std::optional<std::string> write_problem() const;

    // ROOT/<kind>, created; nullopt when the store is off or the directory cannot be made.
    [[nodiscard]] std::optional<std::filesystem::path> directory(CacheKind kind) const;

    // A file entry's payload, when the entry is whole (its header names this format version and
    // the payload's size); it then counts as used now. nullopt on a miss or a damaged entry.
    [[nodiscard]] std::optional<std::string> load(CacheKind kind, std::string_view key) const;
    // Publish a file entry atomically (a temporary file renamed into place). Failures are ignored.
    void store(CacheKind kind, std::string_view key, std::string_view payload) const;

    // How long a build waits for another one making the entry it needs: longer than making the
    // installed wheels of a large application takes; when it runs out, the build makes its own
    // copy without the cache (the other build may be stuck, e.g. stopped with SIGSTOP).
    static constexpr std::chrono::milliseconds k_lock_wait{120'000};

    // The lock of entry `key` in the kind directory `dir` (ROOT/<kind>/.lock-KEY), taken before
    // making that entry and held until it is published, so that builds needing the same entry at
    // once make it once. nullopt when the wait runs out or the lock file cannot be made: the
    // caller then makes the entry for itself alone. Entries stay atomic without it (a build that
    // does not lock only does the work twice), so a lock file removed by cleanup costs nothing.
    [[nodiscard]] static std::optional<FileLock>
    lock_entry(const std::filesystem::path& dir, std::string_view key,
               std::chrono::milliseconds wait = k_lock_wait);

    // Mark an entry (file or directory) as used now, for the least-recently-used cleanup.
    static void touch(const std::filesystem::path& entry);

    // What each kind holds.
    [[nodiscard]] std::vector<CacheUsage> usage() const;
    // Remove the least recently used entries of every kind until the store holds at most
    // `max_size` bytes, temporary entries older than an hour, the lock files of entries that are
    // gone and no build holds, and the scratch directories killed builds left in $TMPDIR
    // (remove_abandoned_temp_dirs("pydeb")). Returns the bytes removed from the store.
    std::uint64_t cleanup(std::uint64_t max_size) const;
    // cleanup(max_size()) when the last one is over a day old: a build calls this at its end.
    void cleanup_if_due() const;

private:
    CacheStore() = default;
    std::filesystem::path m_root;
    std::uint64_t m_max_size = k_default_max_size;
};

} // namespace pydeb::util
