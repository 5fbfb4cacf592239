// A memo of installability checks, so a rebuild whose package and target repositories did not
// change skips loading 60k packages into libsolv (issue #9: the check was 80% of the map stage).
// One entry per check in the cache store (CacheKind::checks), keyed by everything the answer
// depends on: the candidate package (name, version, architecture, relations), the target,
// each repository source's identity (depmap/cache_validity.hpp: path, size, mtime in ns, device,
// inode of every file libsolv would read; `apt update` or a dpkg run replaces them), pydeb's and
// libsolv's versions and the memo format. A source changed in the last two seconds is not
// memoized. Every failure to read or write a memo only costs a recompute.
#pragma once

#include "depmap/types.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::depmap::libsolv
{

class CheckMemo
{
public:
    // The memo slot for this check against these (already resolved) sources; nullopt when
    // check.cache is off (`--no-cache`) or a source cannot be stat'ed.
    [[nodiscard]] static std::optional<CheckMemo> for_check(const InstallCheck& check,
                                                            const std::vector<RepoSource>& sources,
                                                            const std::filesystem::path& root);

    // The problems recorded for this key; nullopt when there is no memo or it does not parse.
    [[nodiscard]] std::optional<std::vector<std::string>> read() const;
    // Record the problems (empty: installable). Failures are ignored.
    void write(const std::vector<std::string>& problems) const;

    // The entry's key in the store.
    [[nodiscard]] const std::string& key() const { return m_key; }

private:
    CheckMemo(util::CacheStore cache, std::string key)
        : m_cache(std::move(cache)), m_key(std::move(key))
    {
    }
    util::CacheStore m_cache;
    std::string m_key;
};

} // namespace pydeb::depmap::libsolv
