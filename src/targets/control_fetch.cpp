// MetadataFetcher::control_files: the control member of a release's .deb by HTTP range requests
// (deb_control.hpp), its symbols and shlibs files kept in the cache store.
#include "targets/debian_metadata.hpp"

#include "adapters/archive/tar_reader.hpp"
#include "util/files.hpp"

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

} // namespace

Expected<ControlFiles> MetadataFetcher::control_files(const ReleaseMetadata& metadata,
                                                      const PoolFile& deb)
{
    const std::string url = metadata.source.archive + "/" + deb.filename;
    const std::string shown = http::mask_url(url);
    const fs::path entry = entry_directory(
        util::CacheKey("debian-control-1").add(metadata.source.archive).add(deb.filename).hex());
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
    auto files = read_control_tar(tar);
    fs::remove(tar, ec);
    if (!files)
    {
        return std::unexpected(context(shown, files.error()));
    }
    for (const auto& [name, text] : *files)
    {
        PYDEB_TRY(util::write_file_atomic(entry / name, text));
    }
    PYDEB_TRY(util::write_file_atomic(entry / "complete", ""));
    return from_entry();
}

} // namespace pydeb::targets
