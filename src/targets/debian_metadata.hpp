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
#include "targets/rpm_metadata.hpp"
#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
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

// A release's Contents-ARCH indexes, verified like its Packages, or why they cannot be had.
struct ContentsIndexes
{
    std::vector<std::filesystem::path> files; // one per component; empty when `unavailable`
    // Set when the archive's signed Release lists a Contents that it serves neither by hash nor
    // at its plain path with that SHA256 (a mirror out of step): "GET URL: HTTP 404" or the
    // mismatch, URL masked. Remembered for a day, like the InRelease, so a rebuild asks nothing.
    std::optional<std::string> unavailable;
};

// What fetching needs besides the release or repository: the HTTP client (made on the first request
// only), the cache store, and a directory for files when the store is off.
class MetadataFetcher
{
public:
    MetadataFetcher(util::CacheStore cache, std::filesystem::path scratch)
        : m_cache(std::move(cache)), m_scratch(std::move(scratch))
    {
    }

    [[nodiscard]] Expected<ReleaseMetadata> fetch(const ReleaseSource& source);

    // The release's Contents-ARCH per component, verified like the Packages (fetched only when
    // a mapping needs them: 12 MB each). Any other failure than the archive lacking a verified
    // copy (unreachable, 5xx) is an Error.
    [[nodiscard]] Expected<ContentsIndexes> contents(const ReleaseMetadata& metadata);

    // The symbols and shlibs control files of `deb` (deb_control.hpp: two range requests),
    // kept in the cache store by pool path; an Error names the package and the release.
    [[nodiscard]] Expected<ControlFiles> control_files(const ReleaseMetadata& metadata,
                                                       const PoolFile& deb);

    // For a release whose Contents cannot be had verified: the files of each of `debs` (absolute
    // paths as dpkg installs them, symlinks included, directories not), from its data member.
    // Each .deb not yet in the store is downloaded whole (in parallel; libraries' packages are
    // small), checked against the SHA256 of its verified Packages entry, read and dropped; its
    // file list and its symbols/shlibs (so control_files() needs no request) are kept.
    [[nodiscard]] Expected<std::map<std::string, std::vector<std::string>>>
    package_files(const ReleaseMetadata& metadata, const std::vector<PoolFile>& debs);

    // An rpm-md repository at a URL (rpm_metadata.hpp: rpm_metadata.cpp), laid out under
    // `layout`, a directory of the build's scratch directory that does not exist yet. An Error
    // names the URL (masked) and says what to do.
    [[nodiscard]] Expected<RpmRepository> rpm_repository(const RpmRepositorySource& source,
                                                         const std::filesystem::path& layout);

private:
    // Whether a remembered file (an InRelease, a repomd.xml, a missing index's mark) was written
    // within the last day, and so is used without asking the server again.
    [[nodiscard]] static bool recent(const std::filesystem::path& file);
    // Whether `file` has the size (when known) and the SHA256 its verified index gives.
    [[nodiscard]] static bool matches(const std::filesystem::path& file,
                                      std::optional<std::uint64_t> size, std::string_view sha256);
    // The repodata/repomd.xml of `source` at LAYOUT/repodata/, verified and read: with
    // Reuse::recent the one in the store when it was fetched within a day, else (Reuse::fetch)
    // fetched now and stored.
    enum class Reuse
    {
        recent,
        fetch,
    };
    [[nodiscard]] Expected<Repomd> fetch_repomd(const RpmRepositorySource& source, Reuse reuse,
                                                const std::filesystem::path& layout);

    // An index, or (MissingIndex::remembered) why the archive has no copy matching the verified
    // Release (ContentsIndexes::unavailable); with MissingIndex::fails that is an Error.
    enum class MissingIndex
    {
        fails,
        remembered,
    };
    struct FetchedIndex
    {
        std::filesystem::path file; // empty when unavailable
        std::string unavailable;
    };
    [[nodiscard]] Expected<FetchedIndex> fetch_index(const ReleaseMetadata& metadata,
                                                     std::string_view path_stem,
                                                     MissingIndex missing);
    [[nodiscard]] std::filesystem::path control_entry(const ReleaseMetadata& metadata,
                                                      const PoolFile& deb) const;
    [[nodiscard]] Expected<adapters::http::Client*> client();
    [[nodiscard]] std::filesystem::path entry_directory(std::string_view key) const;
    [[nodiscard]] Expected<ReleaseFile> fetch_release_file(const ReleaseSource& source);

    util::CacheStore m_cache;
    std::filesystem::path m_scratch;
    std::optional<adapters::http::Client> m_client;
};

} // namespace pydeb::targets
