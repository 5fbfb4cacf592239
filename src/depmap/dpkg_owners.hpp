// Which installed package ships a path, as `dpkg -S` answers it: the path is a line of
// info/PKG[:ARCH].list. Reading all 1,000+ lists of a desktop system costs more than the rest of
// the Debian mapping together (issue #9), so every answer (an owner, or "no installed package")
// is kept twice: for the process, and in the cache store (CacheKind::dpkg_owners) under a key
// naming the dpkg database's state (the identities of status and of info/, which dpkg rewrites on
// every install and removal; util/cache_validity.hpp). A rebuild then reads no list at all.
#pragma once

#include "util/cache_store.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::depmap
{

class DpkgOwners
{
public:
    // root: the system ("/" or a chroot).
    DpkgOwners(std::filesystem::path root, util::CacheStore cache);

    // Whether a package counts: the lists of config-files-only packages are left out, as
    // dpkg -S leaves them out.
    using Installed = std::function<bool(std::string_view package)>;

    // One answer per group; a group is the spellings one file may be recorded under (merged
    // /usr, resolved symlinks), in order of preference. The owner is that of the first spelling
    // known to have one; nullopt when no installed package lists any of them.
    [[nodiscard]] std::vector<std::optional<std::string>>
    lookup(const std::vector<std::vector<std::string>>& groups, const Installed& installed);

private:
    // Known owner, or nullopt (unowned) per spelling; absent: not known yet.
    using Known = std::map<std::string, std::optional<std::string>, std::less<>>;

    // Answer groups from m_known; nullopt (outer) when a group still needs the lists read.
    [[nodiscard]] std::optional<std::optional<std::string>>
    answer(const std::vector<std::string>& group) const;
    // Read the lists until every group has an answer; when all were read, every spelling not
    // found is recorded as unowned.
    void scan(const std::vector<std::vector<std::string>>& groups, const Installed& installed);
    void load_cache();
    void save_cache() const;

    std::filesystem::path m_root;
    util::CacheStore m_cache;
    std::optional<std::string> m_cache_key; // nullopt: no persistent cache
    bool m_cache_loaded = false;
    Known m_known;
};

} // namespace pydeb::depmap
