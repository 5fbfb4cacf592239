#include "sources/index_source.hpp"

#include "python/name.hpp"
#include "python/sdist_filename.hpp"
#include "sources/simple_page.hpp"
#include "util/hash.hpp"

namespace http = pydeb::adapters::http;

namespace pydeb::sources
{

IndexSource::IndexSource(std::optional<http::Client> client, const util::CacheStore& cache,
                         Network network, util::TempDir scratch)
    : m_client(std::move(client)), m_cache(cache), m_network(network), m_scratch(std::move(scratch))
{
}

Expected<std::unique_ptr<IndexSource>>
IndexSource::create(const std::vector<IndexConfig>& indexes,
                    const std::vector<std::string>& find_links, const util::CacheStore& cache,
                    Network network)
{
    std::optional<http::Client> client;
    if (network == Network::online)
    {
        client = PYDEB_TRY(http::Client::create());
    }
    auto scratch = PYDEB_TRY(util::TempDir::create("pydeb-downloads-"));
    std::unique_ptr<IndexSource> source(
        new IndexSource(std::move(client), cache, network, std::move(scratch)));
    for (const IndexConfig& index : indexes)
    {
        http::SplitUrl split = http::split_credentials(index.url);
        if (!split.url.ends_with('/'))
        {
            split.url += '/'; // PEP 503: project pages are /<normalized name>/ under the root
        }
        // The URL's own user:password wins over the spec's variables, as in pip.
        if (auto credentials = split.credentials ? split.credentials : index.credentials)
        {
            source->m_origins.push_back({http::origin_of(split.url), std::move(*credentials)});
        }
        source->m_indexes.push_back(std::move(split.url));
    }
    for (const std::string& link : find_links)
    {
        http::SplitUrl split = http::split_credentials(link);
        if (split.credentials)
        {
            source->m_origins.push_back(
                {http::origin_of(split.url), std::move(*split.credentials)});
        }
        source->m_find_links.push_back(std::move(split.url));
    }
    return source;
}

http::Request IndexSource::request(const std::string& url) const
{
    http::Request request{url, {}, std::nullopt, http::Redirects::same_host, std::nullopt};
    const std::string origin = http::origin_of(url);
    for (const Origin& known : m_origins)
    {
        if (!origin.empty() && origin == known.origin)
        {
            request.credentials = known.credentials;
            break;
        }
    }
    return request;
}

Expected<void> IndexSource::require_online(const std::string& what) const
{
    if (m_network == Network::offline)
    {
        return fail("--offline: " + what +
                    " is needed from the network; run 'pydeb lock' online first (a build with a "
                    "lock reads only the files it names, from the cache)");
    }
    return {};
}

Expected<IndexSource::PageFiles> IndexSource::page(const std::string& url, bool missing_is_empty)
{
    PYDEB_TRY(require_online("the index page " + url));
    http::Request get = request(url);
    get.headers.emplace_back(k_accept);
    auto response = m_client->get(get);
    if (!response)
    {
        // PEP 503 has no list of "all projects" to consult: a 404 means this index does not
        // have the project, which another index may.
        if (missing_is_empty && response.error().kind == http::ErrorKind::not_found)
        {
            return PageFiles{};
        }
        return std::unexpected(http::to_error(response.error()));
    }
    const auto links = PYDEB_TRY(parse_simple_page(response->content_type, response->body, url));
    PageFiles files;
    for (const IndexLink& link : links)
    {
        // pip skips links whose names do not parse, too.
        if (link.filename.ends_with(".whl"))
        {
            if (auto filename = python::WheelFilename::parse(link.filename))
            {
                files.wheels.push_back({link.filename, std::move(*filename),
                                        http::resolve_reference(url, link.href), link.sha256,
                                        link.requires_python, link.yanked, link.has_metadata,
                                        link.metadata_sha256});
            }
        }
        else if (python::sdist_format(link.filename))
        {
            // Split by the PEP 625 rule here; project_files splits legacy names again knowing
            // the project (a find-links page links every project's files).
            files.sdists.push_back({link.filename, {}, {}, http::resolve_reference(url, link.href),
                                    link.sha256, link.requires_python, link.yanked});
        }
    }
    return files;
}

Expected<const IndexSource::PageFiles*> IndexSource::project_files(const std::string& name)
{
    if (const auto known = m_projects.find(name); known != m_projects.end())
    {
        return &known->second;
    }
    PageFiles all;
    const auto take = [&](const PageFiles& files)
    {
        for (const auto& wheel : files.wheels)
        {
            if (wheel.filename.normalized_name() == name)
            {
                all.wheels.push_back(wheel);
            }
        }
        for (const auto& sdist : files.sdists)
        {
            if (auto parsed = python::parse_sdist_filename(sdist.file, name))
            {
                all.sdists.push_back(sdist);
                all.sdists.back().name = name;
                all.sdists.back().version = std::move(parsed->version);
            }
        }
    };
    for (const std::string& index : m_indexes)
    {
        take(PYDEB_TRY(page(index + python::normalize_name(name) + "/",
                            /*missing_is_empty=*/true)));
    }
    for (const std::string& link : m_find_links)
    {
        if (!m_find_link_pages.contains(link))
        {
            m_find_link_pages.emplace(link, PYDEB_TRY(page(link, false)));
        }
        take(m_find_link_pages.at(link));
    }
    return &m_projects.emplace(name, std::move(all)).first->second;
}

Expected<std::vector<resolve::RemoteWheel>> IndexSource::wheels(const std::string& name)
{
    return PYDEB_TRY(project_files(name))->wheels;
}

Expected<std::vector<resolve::RemoteSdist>> IndexSource::sdists(const std::string& name)
{
    return PYDEB_TRY(project_files(name))->sdists;
}

Expected<resolve::WheelMetadata> IndexSource::metadata(const resolve::RemoteWheel& wheel)
{
    const std::string where = wheel.file + ".metadata";
    // PEP 658 metadata is keyed by the wheel's sha256: it describes those bytes.
    const std::string key = util::CacheKey("index-metadata 1").add(wheel.sha256).hex();
    if (!wheel.sha256.empty())
    {
        if (auto text = m_cache.load(util::CacheKind::wheel_metadata, key))
        {
            return resolve::parse_metadata(*text, where);
        }
    }
    if (!wheel.has_metadata || m_network == Network::offline)
    {
        // Read it from the wheel itself (a download, kept in the cache for the install).
        const auto fetched = PYDEB_TRY(fetch(std::span(&wheel, 1)));
        return resolve::read_wheel_metadata(m_cache, fetched.front().path);
    }
    auto response = m_client->get(request(wheel.url + ".metadata"));
    if (!response)
    {
        return std::unexpected(http::to_error(response.error()));
    }
    if (!wheel.metadata_sha256.empty())
    {
        const std::string actual =
            util::to_hex(util::digest(util::HashAlgorithm::sha256, response->body));
        if (actual != wheel.metadata_sha256)
        {
            return fail(http::mask_url(wheel.url) + ".metadata: sha256 " + actual +
                        " differs from the index's " + wheel.metadata_sha256 +
                        "; the index or something between is serving altered files");
        }
    }
    auto parsed = PYDEB_TRY(resolve::parse_metadata(response->body, where));
    if (!wheel.sha256.empty())
    {
        m_cache.store(util::CacheKind::wheel_metadata, key, response->body);
    }
    return parsed;
}

} // namespace pydeb::sources
