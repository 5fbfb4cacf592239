// The installed side of a Debian system as dpkg records it (dpkg(1) "FILES"): which packages are
// installed (ADMINDIR/status), which package owns a file (info/PKG[:ARCH].list, what
// `dpkg -S` reads) and the package's shlibs / symbols control files (what
// `dpkg-query --control-path PKG symbols` returns).
#pragma once

#include "depmap/dpkg_owners.hpp"
#include "depmap/dpkg_status.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::depmap
{

// Whether an owner lookup also accepts the package shipping the file a symlink points to.
enum class FollowLinks
{
    yes,
    no,
};

class DpkgDatabase
{
public:
    // ROOT/var/lib/dpkg; an Error when its status file cannot be read. The status is parsed
    // only when a question is not answered by the memo (dpkg_status.hpp).
    // Owner answers are kept in `cache` (dpkg_owners.hpp).
    [[nodiscard]] static Expected<DpkgDatabase> open(const std::filesystem::path& root,
                                                     const util::CacheStore& cache);

    // An installed package (Status "... installed"); nullptr when there is none.
    [[nodiscard]] const InstalledPackage* find(std::string_view name) const;

    // The owners of each path (merged-/usr aware: /usr/lib/x and /lib/x are tried both ways, as
    // are the paths with symlinks resolved), from info/*.list through DpkgOwners' caches.
    [[nodiscard]] std::map<std::filesystem::path, std::string>
    find_owners(const std::vector<std::filesystem::path>& paths,
                FollowLinks follow = FollowLinks::yes) const;

    // info/PKG:ARCH.EXT or info/PKG.EXT for an installed package; nullopt when absent.
    [[nodiscard]] std::optional<std::filesystem::path> control_file(std::string_view package,
                                                                    std::string_view ext) const;

    // The same file read: nullopt when absent, an Error when it is there but cannot be read.
    // Tries to open each name rather than stat'ing it first (a mapping reads a dozen of them).
    struct ControlFile
    {
        std::filesystem::path path;
        std::string text;
    };
    [[nodiscard]] Expected<std::optional<ControlFile>>
    read_control_file(std::string_view package, std::string_view ext) const;

    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }

private:
    std::filesystem::path m_root;
    std::filesystem::path m_info;
    std::shared_ptr<InstalledPackages> m_packages; // shared by copies, filled as asked
    // Answers already known (this process, or the on-disk cache for this dpkg state).
    std::shared_ptr<DpkgOwners> m_owners;
};

// The spellings of a path dpkg may have recorded on a merged-/usr system: the path itself and
// its /usr <-> / twin for /lib*, /bin and /sbin.
[[nodiscard]] std::vector<std::filesystem::path>
usrmerge_aliases(const std::filesystem::path& path);

} // namespace pydeb::depmap
