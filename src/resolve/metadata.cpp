#include "resolve/metadata.hpp"

#include "adapters/archive/zip_reader.hpp"
#include "python/name.hpp"
#include "util/cache_validity.hpp"
#include "util/strings.hpp"

#include <charconv>
#include <optional>
#include <set>
#include <utility>

namespace pydeb::resolve
{

namespace
{

struct Header
{
    std::string name; // lower-cased
    std::string value;
    std::size_t line = 0;
};

// RFC 822 unfolding: a line starting with a space or tab continues the previous header.
std::vector<Header> read_headers(std::string_view text)
{
    std::vector<Header> headers;
    std::size_t line_number = 0;
    while (!text.empty())
    {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++line_number;
        if (!line.empty() && line.back() == '\r')
        {
            line.remove_suffix(1);
        }
        if (line.empty())
        {
            break; // the description body follows
        }
        if ((line.front() == ' ' || line.front() == '\t') && !headers.empty())
        {
            headers.back().value += "\n";
            headers.back().value += util::trim(line);
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
        {
            continue; // not a header; packaging's email parser ignores such lines too
        }
        headers.push_back({util::to_lower(util::trim(line.substr(0, colon))),
                           std::string(util::trim(line.substr(colon + 1))), line_number});
    }
    return headers;
}

std::string located(std::string_view where, const Header& header, std::string_view message)
{
    return std::string(where) + ":" + std::to_string(header.line) + ": " + std::string(message);
}

} // namespace

Expected<WheelMetadata> parse_metadata(std::string_view text, std::string_view where)
{
    // Core metadata is UTF-8 (core metadata spec; pip refuses METADATA that does not decode).
    if (!util::is_valid_utf8(text))
    {
        return fail(std::string(where) +
                    ": METADATA is not valid UTF-8 (core metadata is UTF-8 text); rebuild the "
                    "wheel");
    }
    WheelMetadata metadata;
    for (const Header& header : read_headers(text))
    {
        if (header.name == "name")
        {
            metadata.name = header.value;
        }
        else if (header.name == "version")
        {
            metadata.version = header.value;
        }
        else if (header.name == "requires-dist")
        {
            auto requirement = python::Requirement::parse(header.value);
            if (!requirement)
            {
                return fail(located(where, header,
                                    "invalid Requires-Dist: " + requirement.error().message));
            }
            metadata.requires_dist.push_back(std::move(*requirement));
        }
        else if (header.name == "requires-python")
        {
            auto specifier = python::SpecifierSet::parse(header.value);
            if (!specifier)
            {
                return fail(located(where, header,
                                    "invalid Requires-Python: " + specifier.error().message));
            }
            metadata.requires_python = std::move(*specifier);
        }
        else if (header.name == "provides-extra")
        {
            metadata.provides_extra.insert(python::normalize_name(header.value));
        }
        else if (header.name == "license-expression")
        {
            metadata.license_expression = header.value;
        }
        else if (header.name == "license")
        {
            metadata.license = header.value;
        }
        else if (header.name == "classifier" && header.value.starts_with("License ::"))
        {
            metadata.license_classifiers.push_back(header.value);
        }
    }
    if (metadata.name.empty() || metadata.version.empty())
    {
        return fail(std::string(where) + ": the Name or Version field is missing");
    }
    return metadata;
}

namespace
{

// The METADATA member as the memo keeps it: "LENGTH\nMEMBER-NAME" then the text.
// A wheel has exactly one top-level .dist-info directory (PEP 427, "The .dist-info directory");
// the names come from the central directory, so a corrupt zip fails here with libarchive's or
// the directory reader's reason.
Expected<std::string> read_metadata_member(const std::filesystem::path& wheel)
{
    std::set<std::string> dist_infos;
    for (const std::string& name : PYDEB_TRY(adapters::ZipReader::central_directory_names(wheel)))
    {
        const std::size_t slash = name.find('/');
        if (slash != std::string::npos && name.substr(0, slash).ends_with(".dist-info"))
        {
            dist_infos.insert(name.substr(0, slash));
        }
    }
    if (dist_infos.empty())
    {
        return fail(wheel.string() +
                    ": no .dist-info directory: not a valid wheel (PEP 427); rebuild it");
    }
    if (dist_infos.size() > 1)
    {
        return fail(wheel.string() + ": more than one .dist-info directory (" +
                    util::join({dist_infos.begin(), dist_infos.end()}, ", ") +
                    "): a wheel has exactly one (PEP 427); rebuild it");
    }
    const std::string wanted = *dist_infos.begin() + "/METADATA";
    auto reader = PYDEB_TRY(adapters::ZipReader::open(wheel));
    for (;;)
    {
        const auto entry = PYDEB_TRY(reader.next());
        if (!entry)
        {
            return fail(wheel.string() + ": no " + wanted +
                        " member: not a valid wheel (PEP 427); rebuild it");
        }
        if (entry->name != wanted)
        {
            continue;
        }
        // METADATA is a few kB (plus the description); 16 MiB is far beyond any real one.
        const std::string text = PYDEB_TRY(reader.read_all(16 * 1024 * 1024));
        return std::to_string(entry->name.size()) + "\n" + entry->name + text;
    }
}

// (member name, text) of a read_metadata_member answer; nullopt when it is not one.
std::optional<std::pair<std::string, std::string_view>> split_member(std::string_view memo)
{
    const std::size_t newline = memo.find('\n');
    std::size_t length = 0;
    if (newline == std::string_view::npos ||
        std::from_chars(memo.data(), memo.data() + newline, length).ptr != memo.data() + newline ||
        length > memo.size() - newline - 1)
    {
        return std::nullopt;
    }
    const std::string_view rest = memo.substr(newline + 1);
    return std::pair(std::string(rest.substr(0, length)), rest.substr(length));
}

} // namespace

Expected<WheelMetadata> read_wheel_metadata(const util::CacheStore& cache,
                                            const std::filesystem::path& wheel)
{
    // Finding METADATA reads every member's local header (numpy: ~900), on each build: remembered
    // per wheel file (util::memoize_file_answer; a changed wheel is read again).
    std::string memo =
        PYDEB_TRY(util::memoize_file_answer(cache, util::CacheKind::wheel_metadata, wheel,
                                            read_metadata_member));
    auto member = split_member(memo);
    if (!member) // a memo someone edited: the wheel itself
    {
        memo = PYDEB_TRY(read_metadata_member(wheel));
        member = split_member(memo);
    }
    return parse_metadata(member->second, wheel.filename().string() + ": " + member->first);
}

} // namespace pydeb::resolve
