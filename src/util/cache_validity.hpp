// What pydeb's caches of answers derived from host files (installability memos, dpkg owner
// answers, .solv repositories) need to know whether an answer is still valid, and to stay small.
//
// A cached answer is keyed by the identities of the files it was computed from: path, size, mtime
// in ns, device and inode (stat(2)). apt and dpkg replace their files by rename (new inode, new
// mtime) and an edit in place changes the size or the mtime, so an unchanged identity means an
// unchanged file, with one exception handled here: the kernel stamps mtimes from a coarse clock,
// so a file written twice within one tick keeps its mtime. A file changed in the last two seconds
// has no stable identity (as git treats "racily clean" index entries), and nothing is cached.
#pragma once

#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::util
{

// "PATH SIZE SEC.NSEC DEV INO"; nullopt when the path cannot be stat'ed or changed too recently.
[[nodiscard]] std::optional<std::string> stable_identity(const std::filesystem::path& path);

// A memo of one answer derived from a host file's bytes (its sha256, a member of it), a `kind`
// entry of the cache store under the file's stable_identity plus its ctime: any write changes the
// ctime, even one that restores the size and mtime (touch -r), so a changed file always misses
// and is read again. `compute` runs on a miss, for a file changed in the last two seconds, or
// with the store off; its answer is stored only when the file's identity was the same before and
// after. An error from `compute` is returned and nothing is stored.
[[nodiscard]] Expected<std::string> memoize_file_answer(
    const CacheStore& cache, CacheKind kind, const std::filesystem::path& path,
    const std::function<Expected<std::string>(const std::filesystem::path&)>& compute);

} // namespace pydeb::util
