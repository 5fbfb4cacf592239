// A Debian target release's metadata, as apt acquires it (apt-secure(8)): dists/CODENAME/InRelease
// verified with gpgv, then each index checked against the SHA256 the verified text lists. Kept in
// the cache store (CacheKind::release_metadata): the InRelease per archive and codename, each
// index by its SHA256, so a second build with the same targets makes no request at all, and every
// use checks the signature and the hashes again (a damaged entry is fetched anew, never used).
#pragma once

#include "adapters/http/client.hpp"
#include "targets/deb_control.hpp"
#include "targets/release_file.hpp"
#include "targets/release_indexes.hpp"
#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace pydeb::targets
{

struct ReleaseSource
{
    std::string codename;    // "bookworm"
    std::string archive;     // "http://deb.debian.org/debian", no trailing slash
    std::vector<std::string> components{"main"};
    std::filesystem::path keyring;
    std::string architecture = "amd64"; // dpkg's name
};

struct ReleaseMetadata
{
    ReleaseSource source;
    ReleaseFile release;                  // from the verified InRelease
    std::vector<std::filesystem::path> packages; // one Packages file per component, verified
};

// What fetching needs besides the release: the HTTP client (made on the first request only),
// the cache store, and a directory for files when the store is off.
class MetadataFetcher
{
public:
    MetadataFetcher(util::CacheStore cache, std::filesystem::path scratch)
        : m_cache(std::move(cache)), m_scratch(std::move(scratch))
    {
    }

    [[nodiscard]] Expected<ReleaseMetadata> fetch(const ReleaseSource& source);

    // The release's Contents-ARCH per component, verified like the Packages (fetched only when
    // a mapping needs them: 12 MB each).
    [[nodiscard]] Expected<std::vector<std::filesystem::path>>
    contents(const ReleaseMetadata& metadata);

    // The symbols and shlibs control files of `deb` (deb_control.hpp: two range requests),
    // kept in the cache store by pool path; an Error names the package and the release.
    [[nodiscard]] Expected<ControlFiles> control_files(const ReleaseMetadata& metadata,
                                                       const PoolFile& deb);

private:
    [[nodiscard]] Expected<adapters::http::Client*> client();
    [[nodiscard]] std::filesystem::path entry_directory(std::string_view key) const;
    [[nodiscard]] Expected<std::filesystem::path> fetch_index(const ReleaseMetadata& metadata,
                                                              std::string_view path_stem);
    [[nodiscard]] Expected<ReleaseFile> fetch_release_file(const ReleaseSource& source);

    util::CacheStore m_cache;
    std::filesystem::path m_scratch;
    std::optional<adapters::http::Client> m_client;
};

} // namespace pydeb::targets
