// MetadataFetcher's rpm-md side (rpm_metadata.hpp). The store's entries: repomd.xml with its
// signature per base URL and keyring (reused for a day, verified on each use, as a Debian
// InRelease), each data file per sha256 (checked on each use).
#include "adapters/solv_repos/loaders.hpp"
#include "targets/debian_metadata.hpp"
#include "targets/signature.hpp"

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

// `file` at `target`: a hard link when the store and the scratch directory share a file system,
// else a copy.
Expected<void> place(const fs::path& file, const fs::path& target)
{
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    fs::create_hard_link(file, target, ec);
    if (ec)
    {
        ec.clear();
        fs::copy_file(file, target, fs::copy_options::overwrite_existing, ec);
    }
    if (ec)
    {
        return fail(target.string() + ": cannot be written (" + ec.message() + ")");
    }
    return {};
}

} // namespace

Expected<Repomd> MetadataFetcher::fetch_repomd(const RpmRepositorySource& source, Reuse reuse)
{
    const std::string url = source.url + "/repodata/repomd.xml";
    const std::string shown = http::mask_url(url);
    const fs::path entry = entry_directory(
        util::CacheKey("rpm-repomd-1").add(source.url).add(source.keyring.string()).hex());
    const fs::path cached = entry / "repomd.xml";
    const fs::path cached_signature = entry / "repomd.xml.asc";
    // The signature verified (with a keyring), then read by libsolv's parser: a repomd.xml
    // that is not one, or lists no primary metadata, is refused like a bad signature.
    const auto accepted = [&](const fs::path& repomd, const fs::path& signature) -> Expected<Repomd>
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
    if (reuse == Reuse::recent && fs::is_regular_file(cached, ec) && recent(cached))
    {
        if (auto repomd = accepted(cached, cached_signature))
        {
            return repomd;
        }
    }
    // Not there, older than a day, damaged in the store, or stale: fetched anew and verified
    // before it replaces the stored one.
    const fs::path fresh = entry / "repomd.xml.unverified";
    const fs::path fresh_signature = entry / "repomd.xml.asc.unverified";
    std::vector<http::Download> downloads{http::Download{{url}, fresh, std::nullopt}};
    if (!source.keyring.empty())
    {
        downloads.push_back(http::Download{{url + ".asc"}, fresh_signature, std::nullopt});
    }
    for (auto& result : PYDEB_TRY(client())->download_all(downloads))
    {
        if (!result)
        {
            return fail(http::to_error(result.error()).message + std::string(k_check_url));
        }
    }
    auto repomd = accepted(fresh, fresh_signature);
    if (!repomd)
    {
        fs::remove(fresh, ec);
        fs::remove(fresh_signature, ec);
        return repomd;
    }
    // The signature first: a concurrent build that reads the new repomd.xml with the old
    // signature finds it bad and fetches both again; never the other way round.
    if (!source.keyring.empty())
    {
        fs::rename(fresh_signature, cached_signature, ec);
    }
    if (fs::rename(fresh, cached, ec); !ec)
    {
        repomd->file = cached;
    }
    return repomd;
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
        repomd = PYDEB_TRY(fetch_repomd(source, reuse));
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
    PYDEB_TRY(place(repomd.file, layout / "repodata/repomd.xml"));
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
