// The package indexes of a spec as a resolve::WheelSource: project pages fetched through the one
// HTTP client (adapters/http) with pip's content negotiation, wheels downloaded into the cache
// (util::CacheKind::downloads, content-addressed by sha256) and checked against the index's and
// the lock's hash.
#pragma once

#include "adapters/http/client.hpp"
#include "resolve/source.hpp"
#include "util/cache_store.hpp"
#include "util/files.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::sources
{

struct IndexConfig
{
    std::string url; // may carry user:password@ (taken off before any request or message)
    std::optional<adapters::http::Credentials> credentials; // from the spec's -env variables
};

enum class Network
{
    online,
    offline, // `--offline`: only files already in the cache
};

class IndexSource final : public resolve::WheelSource
{
public:
    [[nodiscard]] static Expected<std::unique_ptr<IndexSource>>
    create(const std::vector<IndexConfig>& indexes, const std::vector<std::string>& find_links,
           const util::CacheStore& cache, Network network);

    [[nodiscard]] Expected<std::vector<resolve::RemoteWheel>>
    wheels(const std::string& name) override;
    [[nodiscard]] Expected<resolve::WheelMetadata>
    metadata(const resolve::RemoteWheel& wheel) override;
    [[nodiscard]] Expected<std::vector<resolve::FetchedWheel>>
    fetch(std::span<const resolve::RemoteWheel> wheels) override;
    [[nodiscard]] Expected<std::vector<resolve::RemoteSdist>>
    sdists(const std::string& name) override;
    [[nodiscard]] Expected<resolve::FetchedWheel>
    fetch_sdist(const resolve::RemoteSdist& sdist) override;

private:
    // What a page links, wheels and sdists apart.
    struct PageFiles
    {
        std::vector<resolve::RemoteWheel> wheels;
        std::vector<resolve::RemoteSdist> sdists;
    };
    // A file to download into the cache: wheels and sdists alike.
    struct RemoteFile
    {
        std::string file;
        std::string url;
        std::string sha256;
    };
    struct Origin
    {
        std::string origin; // http::origin_of: "scheme://host:port"
        adapters::http::Credentials credentials;
    };
    IndexSource(std::optional<adapters::http::Client> client, const util::CacheStore& cache,
                Network network, util::TempDir scratch);

    // A request for a credential-free URL, with the credentials of the index it belongs to (pip
    // sends an index's credentials only to that index's host).
    [[nodiscard]] adapters::http::Request request(const std::string& url) const;
    [[nodiscard]] Expected<PageFiles> page(const std::string& url, bool missing_is_empty);
    // Every index's and find-links page's files of one project, asked once per command (the
    // resolver and the sdist builder's own resolutions ask again).
    [[nodiscard]] Expected<const PageFiles*> project_files(const std::string& name);
    [[nodiscard]] Expected<std::vector<resolve::FetchedWheel>>
    fetch_files(std::span<const RemoteFile> files);
    [[nodiscard]] std::filesystem::path destination(const RemoteFile& file) const;
    [[nodiscard]] Expected<void> require_online(const std::string& what) const;

    std::optional<adapters::http::Client> m_client; // none offline
    util::CacheStore m_cache;
    Network m_network;
    util::TempDir m_scratch; // downloads when the cache is off, or before their hash is known
    std::vector<std::string> m_indexes;    // credential-free, ending in '/'
    std::vector<std::string> m_find_links; // credential-free
    std::vector<Origin> m_origins;
    std::map<std::string, PageFiles> m_find_link_pages;
    std::map<std::string, PageFiles> m_projects; // by normalized name
};

} // namespace pydeb::sources
