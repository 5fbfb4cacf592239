#include "util/cache_validity.hpp"

#include "util/cache_dir.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <ctime>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace pydeb::util
{

namespace
{

// Far above any filesystem's timestamp granularity, small enough that a rebuild right after
// `apt update` only misses the cache once.
constexpr long k_racy_seconds = 2;
// Memos per kind: every wheel a build ever hashed; the oldest go first.
constexpr std::size_t k_memos_kept = 2048;
constexpr std::string_view k_memo_header = "pydeb-memo 1 ";

enum class RacyClock
{
    mtime,
    ctime, // for content memos: any write sets it, and nothing sets it back
};

// stat(2) of `path` when its identity is stable (the clock not changed in the last k_racy_seconds).
std::optional<struct stat> stable_stat(const fs::path& path, RacyClock clock)
{
    struct stat st = {};
    if (::stat(path.c_str(), &st) != 0)
    {
        return std::nullopt;
    }
    struct timespec now = {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const auto changed = clock == RacyClock::mtime ? st.st_mtim.tv_sec : st.st_ctim.tv_sec;
    if (now.tv_sec - changed < k_racy_seconds)
    {
        return std::nullopt;
    }
    return st;
}

std::string identity_text(const fs::path& path, const struct stat& st)
{
    return path.string() + " " + std::to_string(st.st_size) + " " +
           std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " " +
           std::to_string(st.st_dev) + " " + std::to_string(st.st_ino);
}

std::optional<std::string> content_identity(const fs::path& path)
{
    const auto st = stable_stat(path, RacyClock::ctime);
    if (!st)
    {
        return std::nullopt;
    }
    return identity_text(path, *st) + " " + std::to_string(st->st_ctim.tv_sec) + "." +
           std::to_string(st->st_ctim.tv_nsec);
}

// The answer stored in a memo file, when it is whole ("pydeb-memo 1 SIZE\n" + SIZE bytes).
std::optional<std::string> read_memo(const fs::path& file)
{
    auto text = read_file(file);
    if (!text || !text->starts_with(k_memo_header))
    {
        return std::nullopt;
    }
    const auto newline = text->find('\n');
    const auto size = text->substr(k_memo_header.size(), newline - k_memo_header.size());
    if (newline == std::string::npos || size != std::to_string(text->size() - newline - 1))
    {
        return std::nullopt;
    }
    return text->substr(newline + 1);
}

// Write a memo by rename (no fsync: a torn memo fails read_memo's size check and is recomputed).
void write_memo(const fs::path& file, std::string_view answer)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::string temporary = file.string() + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
    {
        return;
    }
    const std::string text =
        std::string(k_memo_header) + std::to_string(answer.size()) + "\n" + std::string(answer);
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    if (::close(fd) != 0 || !written || ::rename(temporary.c_str(), file.c_str()) != 0)
    {
        ::unlink(temporary.c_str());
    }
}

void prune_once(const fs::path& dir)
{
    static std::mutex mutex;
    static std::set<fs::path> pruned;
    const std::lock_guard lock(mutex);
    if (pruned.insert(dir).second)
    {
        prune_cache_directory(dir, k_memos_kept);
    }
}

} // namespace

std::optional<std::string> stable_identity(const fs::path& path)
{
    const auto st = stable_stat(path, RacyClock::mtime);
    return st ? std::optional(identity_text(path, *st)) : std::nullopt;
}

Expected<std::string>
memoize_file_answer(std::string_view kind, const fs::path& path,
                    const std::function<Expected<std::string>(const fs::path&)>& compute)
{
    const auto dir = cache_directory(kind);
    const auto before = dir ? content_identity(fs::absolute(path)) : std::nullopt;
    if (!before)
    {
        return compute(path);
    }
    Hasher hasher(HashAlgorithm::sha256);
    hasher.update(*before);
    const fs::path file = *dir / to_hex(hasher.finish());
    if (auto answer = read_memo(file))
    {
        return *answer;
    }
    auto answer = PYDEB_TRY(compute(path));
    if (content_identity(fs::absolute(path)) == before)
    {
        write_memo(file, answer);
        prune_once(*dir);
    }
    return answer;
}

void prune_cache_directory(const fs::path& dir, std::size_t keep)
{
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
    {
        files.emplace_back(entry.last_write_time(ec), entry.path());
    }
    if (files.size() <= keep)
    {
        return;
    }
    std::ranges::sort(files);
    for (std::size_t i = 0; i + keep < files.size(); ++i)
    {
        fs::remove(files[i].second, ec);
    }
}

} // namespace pydeb::util
