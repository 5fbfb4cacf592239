#include "util/cache_validity.hpp"

#include <algorithm>
#include <ctime>
#include <sys/stat.h>
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

} // namespace

std::optional<std::string> stable_identity(const fs::path& path)
{
    struct stat st = {};
    if (::stat(path.c_str(), &st) != 0)
    {
        return std::nullopt;
    }
    struct timespec now = {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    if (now.tv_sec - st.st_mtim.tv_sec < k_racy_seconds)
    {
        return std::nullopt;
    }
    return path.string() + " " + std::to_string(st.st_size) + " " +
           std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " " +
           std::to_string(st.st_dev) + " " + std::to_string(st.st_ino);
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
