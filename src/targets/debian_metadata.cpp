#include "targets/debian_metadata.hpp"

#include "targets/signature.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <chrono>
#include <system_error>

namespace fs = std::filesystem;
namespace http = pydeb::adapters::http;

namespace pydeb::targets
{

namespace
{

// A cached InRelease (or repomd.xml) is used for a day; after that it is fetched again (a point
// release or a security update changes it), and indexes whose hashes did not change stay cached.
constexpr auto k_release_lifetime = std::chrono::hours(24);

std::string dists_url(const ReleaseSource& source)
{
    return source.archive + "/dists/" + source.codename + "/";
}

} // namespace

bool MetadataFetcher::matches(const fs::path& file, std::optional<std::uint64_t> size,
                              std::string_view sha256)
{
    std::error_code ec;
    const auto actual = fs::file_size(file, ec);
    if (ec || (size && actual != *size))
    {
        return false;
    }
    const auto digest = util::digest_file(util::HashAlgorithm::sha256, file);
    return digest && util::to_hex(*digest) == sha256;
}

bool MetadataFetcher::recent(const fs::path& file)
{
    std::error_code ec;
    const auto written = fs::last_write_time(file, ec);
    return !ec && fs::file_time_type::clock::now() - written < k_release_lifetime;
}

Expected<http::Client*> MetadataFetcher::client()
{
    if (!m_client)
    {
        m_client = PYDEB_TRY(http::Client::create());
    }
    return &*m_client;
}

fs::path MetadataFetcher::entry_directory(std::string_view key) const
{
    const auto store = m_cache.directory(util::CacheKind::release_metadata);
    const fs::path entry = (store ? *store : m_scratch) / key;
    std::error_code ec;
    fs::create_directories(entry, ec);
    util::CacheStore::touch(entry);
    return entry;
}

Expected<ReleaseFile> MetadataFetcher::fetch_release_file(const ReleaseSource& source)
{
    const std::string url = dists_url(source) + "InRelease";
    const std::string shown = http::mask_url(url);
    const fs::path entry = entry_directory(util::CacheKey("debian-inrelease-1")
                                               .add(source.archive)
                                               .add(source.codename)
                                               .add(source.keyring.string())
                                               .hex());
    const auto accepted = [&](const fs::path& file) -> Expected<ReleaseFile> {
        const std::string text = PYDEB_TRY(verify_inrelease(file, source.keyring, shown));
        ReleaseFile release = PYDEB_TRY(parse_release_file(text, shown));
        if (release.codename != source.codename)
        {
            return fail(shown + " is the Release file of " + release.codename + ", not of " +
                        source.codename + "; refused");
        }
        return release;
    };
    const fs::path cached = entry / "InRelease";
    std::error_code ec;
    if (fs::is_regular_file(cached, ec) && recent(cached))
    {
        if (auto release = accepted(cached))
        {
            return release;
        }
        fs::remove(cached, ec); // damaged in the store: fetched anew below
    }
    const fs::path fresh = entry / "InRelease.unverified";
    const auto got = PYDEB_TRY(client())->download(http::Download{{url}, fresh, std::nullopt});
    if (!got)
    {
        return std::unexpected(http::to_error(got.error()));
    }
    auto release = accepted(fresh);
    if (!release)
    {
        fs::remove(fresh, ec);
        return release;
    }
    fs::rename(fresh, cached, ec);
    return release;
}

Expected<MetadataFetcher::FetchedIndex>
MetadataFetcher::fetch_index(const ReleaseMetadata& metadata, std::string_view path_stem,
                             MissingIndex missing)
{
    const ReleaseFile& release = metadata.release;
    const IndexFile* index = nullptr;
    for (const char* suffix : {".xz", ".gz", ""}) // smallest first, as apt prefers
    {
        if ((index = release.find(std::string(path_stem) + suffix)) != nullptr)
        {
            break;
        }
    }
    const std::string url = dists_url(metadata.source);
    if (index == nullptr)
    {
        return fail(http::mask_url(url) + "InRelease lists no " + std::string(path_stem) +
                    "{.xz,.gz,}: check the components and the architecture");
    }
    const fs::path entry =
        entry_directory(util::CacheKey("debian-index-1").add(index->sha256).hex());
    const fs::path file = entry / fs::path(index->path).filename();
    if (matches(file, index->size, index->sha256))
    {
        return FetchedIndex{file, {}};
    }
    // Why this archive had no verified copy, the last time it was asked (within a day); kept
    // per archive, as another mirror may well serve the index.
    const fs::path marker = missing == MissingIndex::remembered
                                ? entry_directory(util::CacheKey("debian-index-missing-1")
                                                      .add(metadata.source.archive)
                                                      .add(index->sha256)
                                                      .hex()) /
                                      "unavailable"
                                : fs::path();
    std::error_code ec;
    if (!marker.empty() && fs::is_regular_file(marker, ec) && recent(marker))
    {
        if (auto why = util::read_file(marker); why && !why->empty())
        {
            return FetchedIndex{{}, std::move(*why)};
        }
    }
    auto got = PYDEB_TRY(client())->download(
        http::Download{{url + release.fetch_path(*index)}, file, index->sha256});
    if (!got && got.error().kind == http::ErrorKind::not_found &&
        release.fetch_path(*index) != index->path)
    {
        // A mirror without the by-hash tree (Acquire-By-Hash is an offer, apt falls back too):
        // the plain path, still checked against the verified SHA256.
        got = PYDEB_TRY(client())->download(
            http::Download{{url + index->path}, file, index->sha256});
    }
    if (!got)
    {
        const bool absent = got.error().kind == http::ErrorKind::not_found ||
                            got.error().kind == http::ErrorKind::hash_mismatch;
        const std::string why = got.error().kind == http::ErrorKind::hash_mismatch
                                    ? ": not the " + index->path +
                                          " the verified InRelease lists; refused"
                                    : "";
        std::string message = http::to_error(got.error()).message + why;
        if (!absent || marker.empty())
        {
            return fail(std::move(message));
        }
        // Only saves the next build its requests: a store that cannot keep it changes nothing.
        static_cast<void>(util::write_file_atomic(marker, message));
        return FetchedIndex{{}, std::move(message)};
    }
    if (!marker.empty())
    {
        fs::remove(marker, ec); // the archive serves it again
    }
    return FetchedIndex{file, {}};
}

Expected<ReleaseMetadata> MetadataFetcher::fetch(const ReleaseSource& source)
{
    ReleaseMetadata metadata{source, {}, {}};
    metadata.release = PYDEB_TRY(fetch_release_file(source));
    for (const std::string& component : source.components)
    {
        metadata.packages.push_back(
            PYDEB_TRY(fetch_index(metadata,
                                  component + "/binary-" + source.architecture + "/Packages",
                                  MissingIndex::fails))
                .file);
    }
    return metadata;
}

Expected<ContentsIndexes> MetadataFetcher::contents(const ReleaseMetadata& metadata)
{
    ContentsIndexes indexes;
    for (const std::string& component : metadata.source.components)
    {
        auto got = PYDEB_TRY(fetch_index(
            metadata, component + "/Contents-" + metadata.source.architecture,
            MissingIndex::remembered));
        if (got.file.empty())
        {
            // One component's Contents missing leaves the search incomplete: the fallback
            // searches every component's Packages instead.
            return ContentsIndexes{{}, std::move(got.unavailable)};
        }
        indexes.files.push_back(std::move(got.file));
    }
    return indexes;
}

} // namespace pydeb::targets
