#include "install/cache/wheel_cache.hpp"

#include "install/wheel/stage_tree.hpp"
#include "util/fd.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/cache_store.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

constexpr std::string_view k_manifest = "manifest";
constexpr std::string_view k_files = "files";

// Every regular file under `root`, relative, byte-wise sorted; symlinks are skipped. With
// FileDigests::record each file is opened once for its checksum and its content (FileContent).
Expected<std::vector<CacheFile>> scan_files(const fs::path& root, FileDigests digests)
{
    std::vector<CacheFile> files;
    std::error_code error;
    for (fs::recursive_directory_iterator it(root, error), end; !error && it != end;
         it.increment(error))
    {
        struct stat st
        {
        };
        if (::lstat(it->path().c_str(), &st) != 0)
        {
            return fail("cannot stat " + it->path().string());
        }
        if (S_ISREG(st.st_mode))
        {
            std::string checksum;
            FileContent content = FileContent::unknown;
            if (digests == FileDigests::record)
            {
                const util::Fd fd(::open(it->path().c_str(), O_RDONLY | O_CLOEXEC));
                if (!fd)
                {
                    return fail(it->path().string() + ": cannot open for reading: " +
                                std::strerror(errno));
                }
                checksum = PYDEB_TRY(util::checksum_fd(fd.get(), it->path()));
                content = util::has_elf_magic(fd.get()) ? FileContent::elf : FileContent::data;
            }
            files.push_back({it->path().lexically_relative(root).generic_string(),
                             static_cast<unsigned>(st.st_mode & 07777),
                             static_cast<std::uint64_t>(st.st_size), std::move(checksum), content});
        }
        else if (!S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode))
        {
            return fail(it->path().string() + " is not a regular file");
        }
    }
    if (error)
    {
        return fail("cannot list " + root.string() + ": " + error.message());
    }
    std::ranges::sort(files, {}, &CacheFile::path);
    return files;
}

std::optional<std::string> read_all(int directory, const char* name)
{
    const util::Fd fd(::openat(directory, name, O_RDONLY | O_CLOEXEC));
    struct stat st
    {
    };
    if (!fd || ::fstat(fd.get(), &st) != 0)
    {
        return std::nullopt;
    }
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < text.size())
    {
        const auto count = ::read(fd.get(), text.data() + done, text.size() - done);
        if (count <= 0)
        {
            return std::nullopt;
        }
        done += static_cast<std::size_t>(count);
    }
    return text;
}

// Every listed file is there, a regular file with the listed size, mode and checksum: a bit
// flipped on disk, or a file edited through a hard link into a stage, makes the entry damaged
// (removed and rebuilt), never a package.
bool intact(int entry, const fs::path& files, const CacheManifest& manifest)
{
    const util::Fd root(::openat(entry, k_files.data(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!root)
    {
        return false;
    }
    return std::ranges::all_of(
        manifest.files,
        [&](const CacheFile& file)
        {
            // Opened relative to the entry, not by its whole path: one lookup per file for the
            // type, size, mode and bytes (a symlink fails with ELOOP; O_NONBLOCK: a FIFO in
            // its place must not block the open, it fails the type check).
            const util::Fd fd(
                ::openat(root.get(), file.path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
            struct stat st
            {
            };
            if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
                static_cast<std::uint64_t>(st.st_size) != file.size ||
                (st.st_mode & 07777) != file.mode || file.checksum.empty())
            {
                return false;
            }
            const auto checksum = util::checksum_fd(fd.get(), files / file.path);
            return checksum && *checksum == file.checksum;
        });
}

// Scratch directories of a pydeb that was killed. A day old: no running install still uses one.
void remove_stale_scratch(const fs::path& root)
{
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24);
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(root, error))
    {
        const auto name = entry.path().filename().string();
        if ((name.starts_with(".tmp-") || name.starts_with(".trash-")) &&
            entry.last_write_time(error) < old && !error)
        {
            fs::remove_all(entry.path(), error);
        }
    }
}

} // namespace

std::optional<WheelCache> WheelCache::open(const fs::path& root)
{
    std::error_code error;
    const auto absolute = fs::absolute(root, error);
    fs::create_directories(absolute, error);
    if (error || ::access(absolute.c_str(), W_OK | X_OK) != 0)
    {
        return std::nullopt;
    }
    remove_stale_scratch(absolute);
    return WheelCache(absolute);
}

std::optional<CacheEntry> WheelCache::lookup(const std::string& key) const
{
    const auto entry = m_root / key;
    const util::Fd directory(::open(entry.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!directory)
    {
        return std::nullopt; // not cached (or not a directory: then the rename will fail)
    }
    // Entries appear with their manifest, so one without (or with a damaged one) is damaged.
    const auto text = read_all(directory.get(), k_manifest.data());
    auto manifest = text ? parse_manifest(*text) : fail("no manifest");
    if (!manifest || !intact(directory.get(), entry / k_files, *manifest))
    {
        remove_entry(entry);
        return std::nullopt;
    }
    util::CacheStore::touch(entry); // used now: the store's cleanup keeps it longest
    return CacheEntry{entry / k_files, std::move(*manifest), key};
}

void WheelCache::remove_entry(const fs::path& entry) const
{
    // Out of the way first (rename is atomic), so no other pydeb reads it half-removed.
    auto trash = util::TempDir::create(".trash", m_root);
    if (trash && ::rename(entry.c_str(), (trash->path() / "entry").c_str()) == 0)
    {
        return; // the TempDir removes it
    }
    std::error_code ignored;
    fs::remove_all(entry, ignored);
}

Expected<CacheScratch> WheelCache::make_scratch() const
{
    return CacheScratch{PYDEB_TRY(util::TempDir::create(".tmp", m_root))};
}

Expected<CacheEntry> WheelCache::seal(CacheScratch& scratch, const fs::path& prefix,
                                      CacheManifest manifest, FileDigests digests)
{
    const auto& directory = scratch.directory.path();
    const auto files = directory / k_files;
    const auto installed = scratch.stage() / prefix.relative_path();
    std::error_code error;
    fs::rename(installed, files, error);
    if (error)
    {
        return fail("cannot move " + installed.string() + " to " + files.string() + ": " +
                    error.message());
    }
    fs::remove_all(scratch.stage(), error); // what is left: the prefix's empty parents
    manifest.files = PYDEB_TRY(scan_files(files, digests));
    std::ofstream out(directory / k_manifest, std::ios::binary);
    const auto text = render_manifest(manifest);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush())
    {
        return fail("cannot write the manifest in " + directory.string());
    }
    return CacheEntry{files, std::move(manifest), {}}; // no key: served from the scratch
}

CacheEntry WheelCache::publish(const std::string& key, CacheScratch& scratch,
                               CacheEntry sealed) const
{
    const auto entry = m_root / key;
    for (int attempt = 0; attempt < 2; ++attempt)
    {
        if (::rename(scratch.directory.path().c_str(), entry.c_str()) == 0)
        {
            scratch.directory.keep(); // it is the entry now
            return CacheEntry{entry / k_files, std::move(sealed.manifest), key};
        }
        if (errno != EEXIST && errno != ENOTEMPTY)
        {
            break;
        }
        // A concurrent pydeb installed the same wheel first: use its entry if it is whole (a
        // damaged one is removed by lookup, and the rename tried again).
        if (auto theirs = lookup(key))
        {
            return *theirs;
        }
    }
    return sealed;
}

} // namespace pydeb::install
