// Lookups in a release's verified indexes, streamed through their compression (Contents-amd64 is
// 150 MB uncompressed, Packages 50 MB: never held whole): which package ships a path (the
// Contents-ARCH format, Debian wiki DebianRepository/Format "Contents indices") and where a
// package's .deb is in the pool (Packages' Filename field, same page "Packages Indices").
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::targets
{

// The absolute paths a lookup asks about, matched against an index's names (no leading '/'): a
// path "DIR/*/FILE" stands for FILE in any directory right below DIR.
class WantedPaths
{
public:
    explicit WantedPaths(const std::set<std::filesystem::path>& paths);
    // The absolute path `name` (as Contents or a data.tar writes it, with or without "./")
    // stands for, when it is wanted.
    [[nodiscard]] std::optional<std::filesystem::path> match(std::string_view name) const;

private:
    std::set<std::string, std::less<>> m_wanted; // without the leading '/'
};

// For each of `paths` (absolute, see WantedPaths) that a Contents file lists: the package shipping
// it (the first one when several do, the name without its section); each file a "DIR/*/FILE"
// matches is returned.
[[nodiscard]] Expected<std::map<std::filesystem::path, std::string>>
find_in_contents(const std::vector<std::filesystem::path>& contents,
                 const std::set<std::filesystem::path>& paths);

struct PoolFile
{
    std::string package;
    std::string version;
    std::string filename; // "pool/main/o/openssl/libssl3t64_3.5.1-1_amd64.deb"
    std::string sha256;   // of the .deb, from the verified Packages
    std::uint64_t size = 0;
};

// The pool file of each of `packages` the Packages files list (the highest version listed last
// wins: a release's dists list one version per package).
[[nodiscard]] Expected<std::map<std::string, PoolFile>>
find_pool_files(const std::vector<std::filesystem::path>& packages_files,
                const std::set<std::string>& packages);

} // namespace pydeb::targets
