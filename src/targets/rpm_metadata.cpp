// MetadataFetcher's rpm-md side (rpm_metadata.hpp). The store's entries: repomd.xml with its
// signature per base URL and keyring (reused for a day, verified on each use, as a Debian
// InRelease), each data file per sha256 (checked on each use).
#include "adapters/solv_repos/loaders.hpp"
#include "targets/debian_metadata.hpp"
#include "targets/signature.hpp"

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

Expected<fs::path> MetadataFetcher::fetch_repomd(const RpmRepositorySource& source)
{
    const std::string url = source.url + "/repodata/repomd.xml";
    const std::string shown = http::mask_url(url);
    const fs::path entry = entry_directory(
        util::CacheKey("rpm-repomd-1").add(source.url).add(source.keyring.string()).hex());
    const fs::path cached = entry / "repomd.xml";
    const fs::path cached_signature = entry / "repomd.xml.asc";
    const auto accepted = [&](const fs::path& repomd, const fs::path& signature) -> Expected<void> {
        if (source.keyring.empty())
        {
            return {};
        }
        return verify_detached(signature, repomd, source.keyring, shown);
    };
    std::error_code ec;
    if (fs::is_regular_file(cached, ec) && recent(cached) && accepted(cached, cached_signature))
    {
        return cached;
    }
    // Not there, older than a day, or damaged in the store: fetched anew, verified before use.
    const fs::path fresh = entry / "repomd.xml.unverified";
    const fs::path fresh_signature = entry / "repomd.xml.asc.unverified";
    std::vector<http::Download> downloads{http::Download{{url}, fresh, std::nullopt}};
    if (!source.keyring.empty())
    {
        downloads.push_back(http::Download{{url + ".asc"}, fresh_signature, std::nullopt});
    }
    auto got = PYDEB_TRY(client())->download_all(downloads);
    for (auto& result : got)
    {
        if (!result)
        {
            return fail(http::to_error(result.error()).message + std::string(k_check_url));
        }
    }
    if (auto verified = accepted(fresh, fresh_signature); !verified)
    {
        fs::remove(fresh, ec);
        fs::remove(fresh_signature, ec);
        return std::unexpected(verified.error());
    }
    // The signature first: a concurrent build that reads the new repomd.xml with the old
    // signature finds it bad and fetches both again; never the other way round.
    if (!source.keyring.empty())
    {
        fs::rename(fresh_signature, cached_signature, ec);
    }
    fs::rename(fresh, cached, ec);
    return ec ? fresh : cached;
}

Expected<RpmRepository> MetadataFetcher::rpm_repository(const RpmRepositorySource& source,
                                                        const fs::path& layout)
{
    const std::string shown = http::mask_url(source.url + "/repodata/repomd.xml");
    const fs::path repomd = PYDEB_TRY(fetch_repomd(source));
    const auto entries =
        adapters::solv_repos::read_repomd(repomd, {k_data_types[0], k_data_types[1]});
    if (!entries)
    {
        return fail(shown + " is not an rpm-md repomd.xml (" + entries.error().message + ")" +
                    std::string(k_check_url));
    }
    if (!entries->contains("primary"))
    {
        return fail(shown + " lists no primary metadata" + std::string(k_check_url));
    }
    // Each listed data file: from the store when it is there with the listed sha256 and size,
    // else downloaded (in parallel) and checked.
    struct Wanted
    {
        std::string_view type;
        const adapters::solv_repos::RepomdData* data;
        fs::path file;
    };
    std::vector<Wanted> wanted;
    std::vector<http::Download> downloads;
    for (const std::string_view type : k_data_types)
    {
        const auto found = entries->find(type);
        if (found == entries->end())
        {
            continue; // no filelists: file requires then go unanswered, as for a local directory
        }
        const adapters::solv_repos::RepomdData& data = found->second;
        if (!inside_repository(data.location))
        {
            return fail(shown + ": the " + std::string(type) + " metadata's location '" +
                        data.location + "' is outside the repository; refused");
        }
        if (data.checksum_type != "sha256")
        {
            return fail(shown + ": the " + std::string(type) + " metadata has a " +
                        (data.checksum_type.empty() ? "missing" : data.checksum_type) +
                        " checksum, and pydeb checks sha256 (createrepo_c's default, "
                        "createrepo_c --checksum sha256); refused");
        }
        const fs::path file =
            entry_directory(util::CacheKey("rpm-md-data-1").add(data.checksum).hex()) /
            fs::path(data.location).filename();
        wanted.push_back({type, &data, file});
        if (!matches(file, data.size, data.checksum))
        {
            downloads.push_back(
                http::Download{{source.url + "/" + data.location}, file, data.checksum});
        }
    }
    const std::string listed_by =
        source.keyring.empty() ? " the repomd.xml lists" : " the verified repomd.xml lists";
    if (!downloads.empty())
    {
        auto got = PYDEB_TRY(client())->download_all(downloads);
        for (std::size_t i = 0; i < got.size(); ++i)
        {
            if (!got[i])
            {
                const bool mismatch = got[i].error().kind == http::ErrorKind::hash_mismatch;
                return fail(http::to_error(got[i].error()).message +
                            (mismatch ? ": not the file" + listed_by + "; refused"
                                      : std::string(k_check_url)));
            }
        }
    }
    for (const Wanted& file : wanted)
    {
        // The sha256 fixes the bytes; a size that disagrees means repomd.xml contradicts itself.
        std::error_code ec;
        if (file.data->size && fs::file_size(file.file, ec) != *file.data->size)
        {
            return fail(http::mask_url(source.url + "/" + file.data->location) + ": " +
                        std::to_string(fs::file_size(file.file, ec)) + " bytes, not the " +
                        std::to_string(*file.data->size) + listed_by + "; refused");
        }
        PYDEB_TRY(place(file.file, layout / file.data->location));
    }
    PYDEB_TRY(place(repomd, layout / "repodata/repomd.xml"));
    RpmRepository repository{layout, std::nullopt};
    if (source.keyring.empty())
    {
        repository.warning = shown +
                             " is used unauthenticated (no keyring:, as dnf with "
                             "repo_gpgcheck=0): name the keyring of the key that signs its "
                             "repomd.xml.asc with keyring: to verify it";
    }
    return repository;
}

} // namespace pydeb::targets
