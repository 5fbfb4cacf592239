// MetadataFetcher::control_files: the control member of a release's .deb by HTTP range requests
// (deb_control.hpp), its symbols and shlibs files kept in the cache store; package_files: a
// whole .deb's file list, for a release whose Contents cannot be had verified.
#include "targets/debian_metadata.hpp"

#include "adapters/archive/tar_reader.hpp"
#include "util/files.hpp"
#include "util/cache_store.hpp"

#include <algorithm>
#include <array>

namespace fs = std::filesystem;
namespace http = pydeb::adapters::http;

namespace pydeb::targets
{

namespace
{

constexpr std::array<std::string_view, 2> k_wanted{"symbols", "shlibs"};

// The wanted files of a control.tar; `where` names the .deb in errors.
Expected<std::map<std::string, std::string>> read_control_tar(const fs::path& tar)
{
    std::map<std::string, std::string> files;
    auto reader = PYDEB_TRY(adapters::TarReader::open(tar));
    while (const auto entry = PYDEB_TRY(reader.next()))
    {
        std::string_view name = entry->name;
        if (name.starts_with("./"))
        {
            name.remove_prefix(2);
        }
        if (entry->type != adapters::TarEntryType::file ||
            std::ranges::find(k_wanted, name) == k_wanted.end())
        {
            continue;
        }
        std::string text;
        std::array<std::byte, 1 << 16> block{};
        while (const std::size_t got = PYDEB_TRY(reader.read(block)))
        {
            text.append(reinterpret_cast<const char*>(block.data()), got);
        }
        files.emplace(std::string(name), std::move(text));
    }
    return files;
}

// The wanted files of the control.tar at `tar` into `entry`, then its "complete" mark; the tar
// is removed. `shown` names the .deb in errors.
Expected<void> keep_control_files(const fs::path& tar, const fs::path& entry,
                                  const std::string& shown)
{
    auto files = read_control_tar(tar);
    std::error_code ec;
    fs::remove(tar, ec);
    if (!files)
    {
        return std::unexpected(context(shown, files.error()));
    }
    for (const auto& [name, text] : *files)
    {
        PYDEB_TRY(util::write_file_atomic(entry / name, text));
    }
    return util::write_file_atomic(entry / "complete", "");
}

// The paths of the non-directory members of a data.tar, as dpkg installs them ("/usr/...").
Expected<std::string> read_file_list(const fs::path& tar)
{
    std::string list;
    auto reader = PYDEB_TRY(adapters::TarReader::open(tar));
    while (const auto entry = PYDEB_TRY(reader.next()))
    {
        std::string_view name = entry->name;
        name.remove_prefix(name.starts_with("./") ? 2 : name.starts_with("/") ? 1 : 0);
        if (entry->type != adapters::TarEntryType::directory && !name.empty())
        {
            list.append("/").append(name).append("\n");
        }
    }
    return list;
}

std::vector<std::string> lines_of(std::string_view text)
{
    std::vector<std::string> lines;
    for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string_view::npos;
         start = end + 1)
    {
        lines.emplace_back(text.substr(start, end - start));
    }
    return lines;
}

} // namespace

fs::path MetadataFetcher::control_entry(const ReleaseMetadata& metadata, const PoolFile& deb) const
{
    return entry_directory(
        util::CacheKey("debian-control-1").add(metadata.source.archive).add(deb.filename).hex());
}

Expected<ControlFiles> MetadataFetcher::control_files(const ReleaseMetadata& metadata,
                                                      const PoolFile& deb)
{
    const std::string url = metadata.source.archive + "/" + deb.filename;
    const std::string shown = http::mask_url(url);
    const fs::path entry = control_entry(metadata, deb);
    const auto from_entry = [&]() -> Expected<ControlFiles> {
        ControlFiles files;
        for (const std::string_view name : k_wanted)
        {
            std::error_code ec;
            if (!fs::is_regular_file(entry / name, ec))
            {
                continue;
            }
            (name == "symbols" ? files.symbols : files.shlibs) =
                PYDEB_TRY(util::read_file(entry / name));
        }
        return files;
    };
    std::error_code ec;
    if (fs::is_regular_file(entry / "complete", ec))
    {
        return from_entry();
    }
    const auto fetched = [&](std::uint64_t first,
                             std::uint64_t last) -> Expected<std::string> {
        http::Request request{.url = url};
        request.range = std::pair(first, last);
        auto got = PYDEB_TRY(client())->get(request);
        if (!got)
        {
            return std::unexpected(http::to_error(got.error()));
        }
        // A server that ignores Range answers 200 with the whole .deb.
        if (got->partial)
        {
            return std::move(got->body);
        }
        return first < got->body.size() ? got->body.substr(first, last - first + 1) : "";
    };
    const std::string head = PYDEB_TRY(fetched(0, k_deb_head_size - 1));
    const ControlMember member = PYDEB_TRY(find_control_member(head, shown));
    const std::string data = PYDEB_TRY(fetched(member.offset, member.offset + member.size - 1));
    if (data.size() != member.size)
    {
        return fail(shown + ": " + std::to_string(data.size()) + " bytes of " + member.name +
                    " received, its ar header says " + std::to_string(member.size));
    }
    const fs::path tar = entry / member.name;
    PYDEB_TRY(util::write_file_atomic(tar, data));
    PYDEB_TRY(keep_control_files(tar, entry, shown));
    return from_entry();
}

Expected<std::map<std::string, std::vector<std::string>>>
MetadataFetcher::package_files(const ReleaseMetadata& metadata, const std::vector<PoolFile>& debs)
{
    std::map<std::string, std::vector<std::string>> lists;
    const auto entry_of = [&](const PoolFile& deb) {
        return entry_directory(util::CacheKey("debian-file-list-1")
                                   .add(metadata.source.archive)
                                   .add(deb.filename)
                                   .add(deb.sha256)
                                   .hex());
    };
    std::vector<const PoolFile*> missing;
    std::vector<http::Download> downloads;
    for (const PoolFile& deb : debs)
    {
        const fs::path entry = entry_of(deb);
        std::error_code ec;
        if (fs::is_regular_file(entry / "complete", ec))
        {
            if (auto list = util::read_file(entry / "files"))
            {
                lists.emplace(deb.package, lines_of(*list));
                continue;
            }
        }
        if (deb.sha256.size() != 64)
        {
            return fail(deb.package + ": its Packages entry in " + metadata.source.codename +
                        " has no SHA256 to check its .deb against; refused");
        }
        missing.push_back(&deb);
        downloads.push_back(http::Download{{metadata.source.archive + "/" + deb.filename},
                                           entry / fs::path(deb.filename).filename(),
                                           deb.sha256});
    }
    if (downloads.empty())
    {
        return lists;
    }
    auto results = PYDEB_TRY(client())->download_all(downloads);
    for (std::size_t i = 0; i < missing.size(); ++i)
    {
        const PoolFile& deb = *missing[i];
        const fs::path& file = downloads[i].destination;
        const std::string shown = http::mask_url(downloads[i].request.url);
        if (!results[i])
        {
            return fail(http::to_error(results[i].error()).message +
                        (results[i].error().kind == http::ErrorKind::hash_mismatch
                             ? ": not the " + deb.package + " " + metadata.source.codename +
                                   "'s verified Packages lists; refused"
                             : ""));
        }
        const auto whole = util::read_file(file);
        std::error_code ec;
        fs::remove(file, ec);
        if (!whole)
        {
            return std::unexpected(whole.error());
        }
        const fs::path entry = file.parent_path();
        bool listed = false;
        for (const ControlMember& member : PYDEB_TRY(deb_members(*whole, shown)))
        {
            const bool control = member.name.starts_with("control.tar");
            if (!control && !member.name.starts_with("data.tar"))
            {
                continue;
            }
            // libarchive picks the decompressor from the bytes; the name keeps the suffix.
            const fs::path tar = entry / member.name;
            PYDEB_TRY(util::write_file_atomic(
                tar, std::string_view(*whole).substr(member.offset, member.size)));
            if (control)
            {
                PYDEB_TRY(keep_control_files(tar, control_entry(metadata, deb), shown));
                continue;
            }
            auto list = read_file_list(tar);
            fs::remove(tar, ec);
            if (!list)
            {
                return std::unexpected(context(shown, list.error()));
            }
            PYDEB_TRY(util::write_file_atomic(entry / "files", *list));
            lists.emplace(deb.package, lines_of(*list));
            listed = true;
        }
        if (!listed)
        {
            return fail(shown + ": no data.tar member; see deb(5)");
        }
        PYDEB_TRY(util::write_file_atomic(entry / "complete", ""));
    }
    return lists;
}

} // namespace pydeb::targets
