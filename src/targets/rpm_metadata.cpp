// MetadataFetcher's rpm-md side (rpm_metadata.hpp). The store's entries: repomd.xml with its
// signature per base URL and keyring (reused for a day, verified on each use, as a Debian
// InRelease), each data file per sha256 (checked on each use).
#include "adapters/solv_repos/loaders.hpp"
#include "targets/debian_metadata.hpp"
#include "targets/signature.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <array>
#include <system_error>

namespace fs = std::filesystem;
namespace http = pydeb::adapters::http;

namespace pydeb::targets
{

namespace
{

// What the rpm-md loader reads (adapters/solv_repos load_rpm_md): the packages and their
// requires/provides, and the file lists for file requires ("/usr/bin/python3").
constexpr std::array<std::string_view, 2> k_data_types{"primary", "filelists"};

// A location href names both the URL (BASE/HREF) and the file laid out below the scratch
// directory, so it must stay inside the repository: relative, no "..", no empty component.
bool inside_repository(std::string_view href)
{
    if (href.empty() || href.starts_with('/'))
    {
        return false;
    }
    for (const auto& part : fs::path(href))
    {
        if (part.empty() || part == ".." || part == ".")
        {
            return false;
        }
    }
    return true;
}

// What to do when the repository's files cannot be had (the client's message says what failed).
constexpr std::string_view k_check_url = "; check the repository URL: it is the base URL, the one "
                                         "holding repodata/ (as dnf's baseurl=)";

// `file` at `target`, in place of what was there: a hard link when the store and the scratch
// directory share a file system, else a copy. Never written through: `target` may be a link to a
// stored file.
Expected<void> place(const fs::path& file, const fs::path& target)
{
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    fs::remove(target, ec);
    if (fs::create_hard_link(file, target, ec); ec)
    {
        ec.clear();
        fs::copy_file(file, target, ec);
    }
    if (ec)
    {
        return fail(target.string() + ": cannot be written (" + ec.message() + ")");
    }
    return {};
}

} // namespace

Expected<Repomd> MetadataFetcher::fetch_repomd(const RpmRepositorySource& source, Reuse reuse,
                                               const fs::path& layout)
{
    const std::string url = source.url + "/repodata/repomd.xml";
    const std::string shown = http::mask_url(url);
    const fs::path entry = entry_directory(
        util::CacheKey("rpm-repomd-1").add(source.url).add(source.keyring.string()).hex());
    const fs::path cached = entry / "repomd.xml";
    const fs::path cached_signature = entry / "repomd.xml.asc";
    // What is verified and read is the build's own copy (in `layout`, which no other build
    // writes), so a concurrent build replacing the stored files cannot swap them in between.
    const fs::path repomd = layout / "repodata/repomd.xml";
    const fs::path signature = layout / "repodata/repomd.xml.asc";
    // The signature verified (with a keyring), then read by libsolv's parser: a repomd.xml
    // that is not one, or lists no primary metadata, is refused like a bad signature.
    const auto accepted = [&]() -> Expected<Repomd>
    {
        if (!source.keyring.empty())
        {
            PYDEB_TRY(verify_detached(signature, repomd, source.keyring, shown));
        }
        auto data = adapters::solv_repos::read_repomd(repomd, {k_data_types[0], k_data_types[1]});
        if (!data)
        {
            return fail(shown + " is not an rpm-md repomd.xml (" + data.error().message + ")" +
                        std::string(k_check_url));
        }
        if (!data->contains("primary"))
        {
            return fail(shown + " lists no primary metadata" + std::string(k_check_url));
        }
        return Repomd{repomd, std::move(*data)};
    };
    std::error_code ec;
    if (reuse == Reuse::recent && fs::is_regular_file(cached, ec) && recent(cached) &&
        place(cached, repomd) && (source.keyring.empty() || place(cached_signature, signature)))
    {
        if (auto accepted_repomd = accepted())
        {
            return accepted_repomd;
        }
    }
    // Not there, older than a day, damaged in the store, or stale: fetched anew and verified
    // before it replaces the stored one.
    std::vector<http::Download> downloads{http::Download{{url}, repomd, std::nullopt}};
    if (!source.keyring.empty())
    {
        downloads.push_back(http::Download{{url + ".asc"}, signature, std::nullopt});
    }
    for (auto& result : PYDEB_TRY(client())->download_all(downloads))
    {
        if (!result)
        {
            return fail(http::to_error(result.error()).message + std::string(k_check_url));
        }
    }
    auto fetched = PYDEB_TRY(accepted());
    // Kept only to save the next build its requests: a store that cannot keep them changes
    // nothing. The signature first: a build that reads the new repomd.xml with the old
    // signature finds it bad and fetches both again; never the other way round.
    if (!source.keyring.empty())
    {
        if (auto text = util::read_file(signature))
        {
            static_cast<void>(util::write_file_atomic(cached_signature, *text));
        }
    }
    if (auto text = util::read_file(repomd))
    {
        static_cast<void>(util::write_file_atomic(cached, *text));
    }
    return fetched;
}

Expected<RpmRepository> MetadataFetcher::rpm_repository(const RpmRepositorySource& source,
                                                        const fs::path& layout)
{
    const std::string shown = http::mask_url(source.url + "/repodata/repomd.xml");
    const std::string listed_by =
        source.keyring.empty() ? " the repomd.xml lists" : " the verified repomd.xml lists";
    // Each listed data file: from the store when it is there with the listed sha256 and size,
    // else downloaded (in parallel) and checked. A data file the server no longer has means the
    // repository was updated since the stored repomd.xml was fetched: it is fetched again, once.
    Repomd repomd;
    std::vector<std::pair<const adapters::solv_repos::RepomdData*, fs::path>> files;
    for (const Reuse reuse : {Reuse::recent, Reuse::fetch})
    {
        repomd = PYDEB_TRY(fetch_repomd(source, reuse, layout));
        files.clear();
        std::vector<http::Download> downloads;
        for (const auto& [type, data] : repomd.data)
        {
            if (!inside_repository(data.location))
            {
                return fail(shown + ": the " + type + " metadata's location '" + data.location +
                            "' is outside the repository; refused");
            }
            if (data.checksum_type != "sha256")
            {
                return fail(shown + ": the " + type + " metadata has a " +
                            (data.checksum_type.empty() ? "missing" : data.checksum_type) +
                            " checksum, and pydeb checks sha256 (createrepo_c's default, "
                            "createrepo_c --checksum sha256); refused");
            }
            const fs::path file =
                entry_directory(util::CacheKey("rpm-md-data-1").add(data.checksum).hex()) /
                fs::path(data.location).filename();
            files.emplace_back(&data, file);
            if (!matches(file, data.size, data.checksum))
            {
                downloads.push_back(
                    http::Download{{source.url + "/" + data.location}, file, data.checksum});
            }
        }
        const auto got = downloads.empty()
                             ? std::vector<std::expected<http::Downloaded, http::HttpError>>{}
                             : PYDEB_TRY(client())->download_all(downloads);
        const auto failed = std::ranges::find_if(got, [](const auto& one) { return !one; });
        if (failed == got.end())
        {
            break;
        }
        const http::HttpError& error = failed->error();
        if (error.kind == http::ErrorKind::not_found && reuse == Reuse::recent)
        {
            continue;
        }
        return fail(http::to_error(error).message +
                    (error.kind == http::ErrorKind::hash_mismatch
                         ? ": not the file" + listed_by + "; refused"
                         : std::string(k_check_url)));
    }
    for (const auto& [data, file] : files)
    {
        // The sha256 fixes the bytes; a size that disagrees means repomd.xml contradicts itself.
        std::error_code ec;
        if (const auto size = fs::file_size(file, ec); data->size && size != *data->size)
        {
            return fail(http::mask_url(source.url + "/" + data->location) + ": " +
                        std::to_string(size) + " bytes, not the " + std::to_string(*data->size) +
                        listed_by + "; refused");
        }
        PYDEB_TRY(place(file, layout / data->location));
    }
    RpmRepository repository{layout, std::nullopt};
    if (source.keyring.empty())
    {
        repository.warning = shown + " is used unauthenticated (no keyring:, as dnf with "
                                     "repo_gpgcheck=0): name the keyring of the key that signs its "
                                     "repomd.xml.asc with keyring: to verify it";
    }
    return repository;
}

} // namespace pydeb::targets
