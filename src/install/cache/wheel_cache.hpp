// The installed-wheel cache: one entry per (wheel, target) key (cache_key.hpp) holding that
// wheel's files exactly as they land in the venv (prefix-relative: site-packages, the .dist-info
// with its rewritten RECORD, bin/ scripts with final shebangs, .data scheme files), already
// stripped and byte-compiled, plus a manifest (cache_manifest.hpp). Everything the installer
// writes is independent of the stage root (final shebangs, relative RECORD, .pyc co_filename =
// final path), so an entry built in a scratch directory serves every later stage.
//
//   ROOT/KEY/manifest   ROOT/KEY/files/<prefix-relative paths>   ROOT/.tmp-XXXXXX (scratch)
//
// Entries appear whole (a scratch directory renamed into place) and are never changed after; one
// found damaged (a file missing, or of another size, mode or checksum (XXH3-128) than the manifest lists) is
// removed and rebuilt, never trusted and never an error.
#pragma once

#include "install/cache/cache_manifest.hpp"
#include "util/expected.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace pydeb::install
{

// Whether sealing an entry records each file's checksum, for lookup() to check.
enum class FileDigests
{
    record, // an entry later builds will use
    skip,   // a temporary store's: read once, by this build, right after it is made
};

struct CacheEntry
{
    // The tree of the entry's files; the manifest's paths are relative to it.
    std::filesystem::path files;
    CacheManifest manifest;
    // The entry's key (directory name) when it is kept in the cache; empty when it is served from
    // a scratch directory (a wheel not to be cached, or a failed publish).
    std::string key;
};

// A directory to install one wheel into before it becomes an entry: Layout stage_root = stage().
struct CacheScratch
{
    util::TempDir directory;
    [[nodiscard]] std::filesystem::path stage() const { return directory.path() / "stage"; }
};

class WheelCache
{
public:
    // The cache at `root`, created if missing; nullopt when it cannot be created or written (the
    // install then goes through a temporary store, install_stage.cpp).
    [[nodiscard]] static std::optional<WheelCache> open(const std::filesystem::path& root);

    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }

    // The entry for `key` when it is intact: its manifest parses and every file it lists is a
    // regular file of the listed size, mode and checksum. A damaged entry is removed; nullopt
    // either way.
    [[nodiscard]] std::optional<CacheEntry> lookup(const std::string& key) const;

    // A scratch directory inside the cache (one file system: publish() renames it into place).
    [[nodiscard]] Expected<CacheScratch> make_scratch() const;

    // Make `scratch` an entry where it is: STAGE/<prefix> becomes files/, whose files (symlinks,
    // such as the venv's, left out) complete `manifest`, written beside it. Served from there
    // while the caller keeps the scratch, e.g. for a wheel that is not to be cached.
    [[nodiscard]] static Expected<CacheEntry> seal(CacheScratch& scratch,
                                                   const std::filesystem::path& prefix,
                                                   CacheManifest manifest, FileDigests digests);

    // Rename a sealed scratch into place as the entry `key`. When a concurrent pydeb got there
    // first, its entry is used and ours dropped; when the rename fails otherwise, `sealed` is
    // served from the scratch directory, which the caller keeps until the files are placed.
    [[nodiscard]] CacheEntry publish(const std::string& key, CacheScratch& scratch,
                                     CacheEntry sealed) const;

private:
    explicit WheelCache(std::filesystem::path root) : m_root(std::move(root)) {}
    void remove_entry(const std::filesystem::path& entry) const;

    std::filesystem::path m_root;
};

} // namespace pydeb::install
