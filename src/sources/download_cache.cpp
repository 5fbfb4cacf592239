// IndexSource::fetch: wheels from the download cache, or downloaded into it several at a time.
// The cache is content-addressed (ROOT/downloads/<sha256>/<file name>): an entry is published by
// renaming its whole directory after the client checked the bytes, so a present entry is whole
// and holds what its name says; the same file from another index or URL is not downloaded again.
#include "sources/index_source.hpp"
#include "util/strings.hpp"

#include <system_error>

namespace http = pydeb::adapters::http;
namespace fs = std::filesystem;

namespace pydeb::sources
{

namespace
{

struct Pending
{
    std::size_t index = 0; // into the request
    util::TempDir directory;
};

} // namespace

fs::path IndexSource::destination(const RemoteFile& wheel) const
{
    const auto base = m_cache.directory(util::CacheKind::downloads);
    return (base ? *base : m_scratch.path()) / wheel.sha256 / wheel.file;
}

Expected<std::vector<resolve::FetchedWheel>>
IndexSource::fetch(std::span<const resolve::RemoteWheel> wheels)
{
    std::vector<RemoteFile> files;
    for (const resolve::RemoteWheel& wheel : wheels)
    {
        files.push_back({wheel.file, wheel.url, wheel.sha256});
    }
    return fetch_files(files);
}

Expected<resolve::FetchedWheel> IndexSource::fetch_sdist(const resolve::RemoteSdist& sdist)
{
    const RemoteFile file{sdist.file, sdist.url, sdist.sha256};
    return PYDEB_TRY(fetch_files(std::span(&file, 1))).front();
}

Expected<std::vector<resolve::FetchedWheel>>
IndexSource::fetch_files(std::span<const RemoteFile> wheels)
{
    std::vector<resolve::FetchedWheel> result(wheels.size());
    std::vector<Pending> pending;
    std::vector<http::Download> downloads;
    std::vector<std::string> missing;
    const auto base = m_cache.directory(util::CacheKind::downloads);
    const fs::path root = base ? *base : m_scratch.path();
    for (std::size_t i = 0; i < wheels.size(); ++i)
    {
        const RemoteFile& wheel = wheels[i];
        std::error_code error;
        if (!wheel.sha256.empty() && fs::is_regular_file(destination(wheel), error))
        {
            util::CacheStore::touch(destination(wheel).parent_path());
            result[i] = {destination(wheel), wheel.sha256};
            continue;
        }
        if (m_network == Network::offline)
        {
            missing.push_back(wheel.file + " (sha256 " +
                              (wheel.sha256.empty() ? std::string("unknown") : wheel.sha256) +
                              ", " + http::mask_url(wheel.url) + ")");
            continue;
        }
        // ".tmp-" entries are the store's temporaries: cleanup removes stale ones.
        auto directory = PYDEB_TRY(util::TempDir::create(".tmp-download-", root));
        http::Download download{request(wheel.url), directory.path() / wheel.file, std::nullopt};
        if (!wheel.sha256.empty())
        {
            download.sha256 = wheel.sha256;
        }
        downloads.push_back(std::move(download));
        pending.push_back({i, std::move(directory)});
    }
    if (!missing.empty())
    {
        return fail("--offline: not in the download cache (" + root.string() + "):\n  " +
                    util::join(missing, "\n  ") + "\nrun the build once online to fetch them");
    }
    std::vector<std::string> errors;
    const auto done = downloads.empty()
                          ? std::vector<std::expected<http::Downloaded, http::HttpError>>{}
                          : m_client->download_all(downloads);
    for (std::size_t d = 0; d < done.size(); ++d)
    {
        Pending& job = pending[d];
        const RemoteFile& wheel = wheels[job.index];
        if (!done[d])
        {
            errors.push_back(wheel.file + ": " + done[d].error().message);
            continue;
        }
        const std::string& sha256 = done[d]->sha256;
        // Publish the entry by renaming its directory; a concurrent build may have won the race,
        // and then its copy (the same bytes) is used.
        const fs::path final_directory = root / sha256;
        std::error_code error;
        fs::rename(job.directory.path(), final_directory, error);
        if (!error)
        {
            job.directory.keep();
        }
        result[job.index] = {final_directory / wheel.file, sha256};
        if (!fs::is_regular_file(result[job.index].path, error))
        {
            errors.push_back(wheel.file + ": downloaded, but cannot be placed at " +
                             result[job.index].path.string());
        }
    }
    if (errors.size() == 1)
    {
        return fail(errors.front());
    }
    if (!errors.empty())
    {
        return fail(std::to_string(errors.size()) + " downloads failed:\n  " +
                    util::join(errors, "\n  "));
    }
    return result;
}

} // namespace pydeb::sources
