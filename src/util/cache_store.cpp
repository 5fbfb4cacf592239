#include "util/cache_store.hpp"

#include "pydeb_config.h"
#include "util/directories.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::util
{

namespace
{

// The first line of every file entry: the store's format and the payload's size, so a torn or
// foreign file reads as a miss.
constexpr std::string_view k_header = "pydeb-cache 1 ";
constexpr std::string_view k_temporary_prefix = ".tmp-";
constexpr std::string_view k_lock_prefix = ".lock-";
constexpr std::string_view k_cleanup_stamp = ".last-cleanup";
constexpr std::time_t k_cleanup_interval = 24 * 60 * 60;
constexpr std::time_t k_stale_temporary = 60 * 60;

bool is_temporary(const fs::path& entry)
{
    return entry.filename().string().starts_with(k_temporary_prefix);
}

bool is_lock(const fs::path& entry)
{
    return entry.filename().string().starts_with(k_lock_prefix);
}

// A lock file whose entry is gone and that nobody holds (so nobody is making the entry).
void remove_unused_lock(const fs::path& lock)
{
    const fs::path entry =
        lock.parent_path() / lock.filename().string().substr(k_lock_prefix.size());
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(entry, ec)) &&
        FileLock::acquire(lock, std::chrono::milliseconds(0)))
    {
        fs::remove(lock, ec);
    }
}

// Bytes an entry takes: a file's size, or the sum over a directory's files (hard links to the
// same inode counted once per entry, as du does).
std::uint64_t entry_size(const fs::path& entry)
{
    std::error_code ec;
    const auto status = fs::symlink_status(entry, ec);
    if (ec || !fs::is_directory(status))
    {
        const auto size = fs::is_regular_file(status) ? fs::file_size(entry, ec) : 0;
        return ec ? 0 : size;
    }
    std::uint64_t total = 0;
    for (auto it = fs::recursive_directory_iterator(entry, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    {
        if (it->is_regular_file(ec) && !it->is_symlink(ec))
        {
            total += it->file_size(ec);
        }
    }
    return total;
}

std::time_t used_at(const fs::path& entry)
{
    struct stat st
    {
    };
    return ::lstat(entry.c_str(), &st) == 0 ? st.st_mtim.tv_sec : 0;
}

// Remove an entry so that nobody sees half of it: renamed aside first, then removed.
void remove_entry(const fs::path& entry)
{
    const fs::path aside = entry.parent_path() / (std::string(k_temporary_prefix) + "removed-" +
                                                  std::to_string(::getpid()) + "-" +
                                                  entry.filename().string());
    std::error_code ec;
    fs::rename(entry, aside, ec);
    (void)remove_tree(ec ? entry : aside);
}

} // namespace

std::string_view directory_name(CacheKind kind)
{
    switch (kind)
    {
    case CacheKind::interpreters:
        return "interpreters";
    case CacheKind::wheels:
        return "wheels";
    case CacheKind::solv:
        return "solv";
    case CacheKind::checks:
        return "checks";
    case CacheKind::dpkg_owners:
        return "dpkg-owners";
    case CacheKind::hashes:
        return "hashes";
    case CacheKind::wheel_metadata:
        return "wheel-metadata";
    case CacheKind::payloads:
        return "payloads";
    case CacheKind::downloads:
        return "downloads";
    case CacheKind::built_wheels:
        return "built-wheels";
    case CacheKind::spare_directories:
        return "spare-directories";
    case CacheKind::release_metadata:
        return "release-metadata";
    }
    return "unknown";
}

CacheKey::CacheKey(std::string_view format)
{
    add(format);
    add(PYDEB_VERSION);
}

CacheKey& CacheKey::add(std::string_view field)
{
    m_text += std::to_string(field.size());
    m_text += ':';
    m_text += field;
    return *this;
}

CacheKey& CacheKey::add(std::int64_t number)
{
    return add(std::to_string(number));
}

std::string CacheKey::hex() const
{
    return to_hex(digest(HashAlgorithm::sha256, m_text));
}

CacheStore CacheStore::from_environment()
{
    // A relative XDG_CACHE_HOME is invalid and must be ignored (XDG Base Directory Specification).
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
    {
        return CacheStore(fs::path(xdg) / "pydeb");
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/')
    {
        return CacheStore(fs::path(home) / ".cache" / "pydeb");
    }
    return off();
}

std::optional<std::string> CacheStore::write_problem() const
{
    if (!enabled())
    {
        return std::nullopt;
    }
    std::error_code ec;
    fs::create_directories(m_root, ec);
    if (ec)
    {
        return m_root.string() + ": " + ec.message();
    }
    std::string probe = (m_root / (std::string(k_temporary_prefix) + "probe-XXXXXX")).string();
    const int fd = ::mkstemp(probe.data());
    if (fd < 0)
    {
        return m_root.string() + ": " + std::strerror(errno);
    }
    const std::string block(4096, '\0');
    const bool written = ::write(fd, block.data(), block.size()) == ssize_t(block.size());
    const int error = errno;
    ::close(fd);
    ::unlink(probe.c_str());
    if (!written)
    {
        return m_root.string() + ": " + std::strerror(error);
    }
    return std::nullopt;
}

std::optional<fs::path> CacheStore::directory(CacheKind kind) const
{
    if (!enabled())
    {
        return std::nullopt;
    }
    fs::path dir = m_root / directory_name(kind);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
    {
        return std::nullopt;
    }
    return dir;
}

std::optional<std::string> CacheStore::load(CacheKind kind, std::string_view key) const
{
    if (!enabled())
    {
        return std::nullopt;
    }
    const fs::path file = m_root / directory_name(kind) / key;
    auto text = read_file(file);
    if (!text || !text->starts_with(k_header))
    {
        return std::nullopt;
    }
    const auto newline = text->find('\n');
    if (newline == std::string::npos ||
        text->substr(k_header.size(), newline - k_header.size()) !=
            std::to_string(text->size() - newline - 1))
    {
        return std::nullopt;
    }
    touch(file);
    return text->substr(newline + 1);
}

void CacheStore::store(CacheKind kind, std::string_view key, std::string_view payload) const
{
    const auto dir = directory(kind);
    if (!dir)
    {
        return;
    }
    std::string text = std::string(k_header) + std::to_string(payload.size()) + "\n";
    text += payload;
    // No fsync: a torn entry fails the size check above and is computed again.
    std::string temporary = (*dir / (std::string(k_temporary_prefix) + "XXXXXX")).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
    {
        return;
    }
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::fchmod(fd, 0644);
    if (::close(fd) != 0 || !written || ::rename(temporary.c_str(), (*dir / key).c_str()) != 0)
    {
        ::unlink(temporary.c_str());
    }
}

std::optional<FileLock> CacheStore::lock_entry(const fs::path& dir, std::string_view key,
                                               std::chrono::milliseconds wait)
{
    return FileLock::acquire(dir / (std::string(k_lock_prefix) + std::string(key)), wait);
}

void CacheStore::touch(const fs::path& entry)
{
    ::utimensat(AT_FDCWD, entry.c_str(), nullptr, AT_SYMLINK_NOFOLLOW);
}

std::vector<CacheUsage> CacheStore::usage() const
{
    std::vector<CacheUsage> out;
    for (const CacheKind kind : k_cache_kinds)
    {
        CacheUsage usage{kind};
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(m_root / directory_name(kind), ec))
        {
            if (!is_temporary(entry.path()) && !is_lock(entry.path()))
            {
                ++usage.entries;
                usage.bytes += entry_size(entry.path());
            }
        }
        out.push_back(usage);
    }
    return out;
}

std::uint64_t CacheStore::cleanup(std::uint64_t max_size) const
{
    if (!enabled())
    {
        return 0;
    }
    struct Entry
    {
        std::time_t used;
        std::uint64_t bytes;
        fs::path path;
    };
    std::vector<Entry> entries;
    std::uint64_t total = 0;
    std::uint64_t removed = 0;
    const std::time_t now = std::time(nullptr);
    for (const CacheKind kind : k_cache_kinds)
    {
        std::error_code ec;
        for (const auto& item : fs::directory_iterator(m_root / directory_name(kind), ec))
        {
            const fs::path& path = item.path();
            if (is_lock(path))
            {
                remove_unused_lock(path);
                continue;
            }
            const std::time_t used = used_at(path);
            const std::uint64_t bytes = entry_size(path);
            if (is_temporary(path))
            {
                // Left by a killed build (a live one touches its temporaries within the hour).
                if (now - used > k_stale_temporary)
                {
                    (void)remove_tree(path);
                    removed += bytes;
                }
                continue;
            }
            total += bytes;
            entries.push_back({used, bytes, path});
        }
    }
    std::ranges::sort(entries, {}, &Entry::used);
    for (const auto& entry : entries)
    {
        if (total <= max_size && max_size > 0) // a limit of 0 empties the store
        {
            break;
        }
        remove_entry(entry.path);
        total -= entry.bytes;
        removed += entry.bytes;
    }
    // The scratch directories of builds killed before they could remove them (pipeline/prepare).
    remove_abandoned_temp_dirs("pydeb");
    (void)write_file_atomic(m_root / k_cleanup_stamp, "");
    return removed;
}

void CacheStore::cleanup_if_due() const
{
    if (enabled() && std::time(nullptr) - used_at(m_root / k_cleanup_stamp) > k_cleanup_interval)
    {
        cleanup(m_max_size);
    }
}

} // namespace pydeb::util
