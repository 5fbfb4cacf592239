#include "sources/simple_page.hpp"

#include "util/strings.hpp"

#include <nlohmann/json.hpp>

namespace pydeb::sources
{

namespace
{

std::string filename_of(std::string_view href)
{
    std::string_view path = href.substr(0, href.find_first_of("?#"));
    if (const auto slash = path.rfind('/'); slash != std::string_view::npos)
    {
        path = path.substr(slash + 1);
    }
    return util::percent_decode(path);
}

// A sha256 as hex (either case, as pip compares it after lower-casing its own).
bool is_sha256(std::string_view text)
{
    return text.size() == 64 &&
           text.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

} // namespace

void take_fragment(IndexLink& link, std::string_view href)
{
    const auto hash = href.find('#');
    link.href = std::string(href.substr(0, hash));
    link.filename = filename_of(link.href);
    if (hash == std::string_view::npos)
    {
        return;
    }
    // PEP 503: "#<hashname>=<hashvalue>"; only sha256 is checked (the one PyPI and pip use).
    const std::string_view fragment = href.substr(hash + 1);
    if (fragment.starts_with("sha256=") && is_sha256(fragment.substr(7)))
    {
        link.sha256 = util::to_lower(fragment.substr(7));
    }
}

Expected<bool> names_a_file(const IndexLink& link, std::string_view where)
{
    const std::string_view name = link.filename;
    if (name.empty() || name == "." || name == "..")
    {
        return false; // a directory link ("../" on a find-links page): no file
    }
    // The file name names the download in the cache: one path segment, whatever the page (or a
    // percent-encoded "%2F" in an href) says.
    if (name.find_first_of(std::string_view("/\\\0", 3)) != std::string_view::npos)
    {
        return fail(std::string(where) + ": '" + link.filename +
                    "' is not a file name (a link must name one file); the index page is damaged "
                    "or hostile");
    }
    return true;
}

Expected<PageFormat> page_format(std::string_view content_type, std::string_view where)
{
    const std::string type =
        util::to_lower(util::trim(content_type.substr(0, content_type.find(';'))));
    if (type == "application/vnd.pypi.simple.v1+json")
    {
        return PageFormat::json;
    }
    if (type == "application/vnd.pypi.simple.v1+html" || type == "text/html")
    {
        return PageFormat::html;
    }
    return fail(std::string(where) + ": the server answered with Content-Type '" +
                std::string(content_type) +
                "', not a simple repository page (PEP 503 HTML or PEP 691 JSON); check the "
                "index URL");
}

Expected<std::vector<IndexLink>> parse_simple_json(std::string_view body, std::string_view where)
{
    const std::string at(where);
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
    {
        return fail(at + ": malformed PEP 691 JSON (not a JSON object)");
    }
    // PEP 691 "Versioning": a client must refuse a major version it does not know.
    const auto meta = json.find("meta");
    if (meta == json.end() || !meta->is_object() || !meta->contains("api-version") ||
        !(*meta)["api-version"].is_string() ||
        !(*meta)["api-version"].get<std::string>().starts_with("1."))
    {
        return fail(at + ": PEP 691 JSON without meta.api-version 1.x; this index speaks a "
                         "version pydeb does not know");
    }
    const auto files = json.find("files");
    if (files == json.end() || !files->is_array())
    {
        return fail(at + ": malformed PEP 691 JSON: 'files' is not a list");
    }
    std::vector<IndexLink> links;
    for (const auto& file : *files)
    {
        if (!file.is_object() || !file.contains("url") || !file["url"].is_string() ||
            !file.contains("filename") || !file["filename"].is_string())
        {
            return fail(at + ": malformed PEP 691 JSON: a file without 'url' and 'filename'");
        }
        IndexLink link;
        take_fragment(link, file["url"].get<std::string>());
        link.filename = file["filename"].get<std::string>();
        if (const auto hashes = file.find("hashes"); hashes != file.end() && hashes->is_object())
        {
            if (const auto sha = hashes->find("sha256");
                sha != hashes->end() && sha->is_string() && is_sha256(sha->get<std::string>()))
            {
                link.sha256 = util::to_lower(sha->get<std::string>());
            }
        }
        if (const auto rp = file.find("requires-python"); rp != file.end() && rp->is_string())
        {
            link.requires_python = rp->get<std::string>();
        }
        // PEP 592 via PEP 691: false, true, or the reason as a string.
        if (const auto yanked = file.find("yanked"); yanked != file.end())
        {
            if (yanked->is_string())
            {
                link.yanked = yanked->get<std::string>();
            }
            else if (yanked->is_boolean() && yanked->get<bool>())
            {
                link.yanked = "";
            }
        }
        // PEP 714 renamed "dist-info-metadata" to "core-metadata"; both are read, the new first.
        for (const char* key : {"core-metadata", "dist-info-metadata"})
        {
            const auto meta_value = file.find(key);
            if (meta_value == file.end())
            {
                continue;
            }
            if (meta_value->is_object())
            {
                link.has_metadata = true;
                if (const auto sha = meta_value->find("sha256");
                    sha != meta_value->end() && sha->is_string() && is_sha256(sha->get<std::string>()))
                {
                    link.metadata_sha256 = util::to_lower(sha->get<std::string>());
                }
            }
            else if (meta_value->is_boolean())
            {
                link.has_metadata = meta_value->get<bool>();
            }
            break;
        }
        if (PYDEB_TRY(names_a_file(link, where)))
        {
            links.push_back(std::move(link));
        }
    }
    return links;
}

Expected<std::vector<IndexLink>> parse_simple_page(std::string_view content_type,
                                                   std::string_view body, std::string_view where)
{
    switch (PYDEB_TRY(page_format(content_type, where)))
    {
    case PageFormat::json:
        return parse_simple_json(body, where);
    case PageFormat::html:
        break;
    }
    return parse_simple_html(body, where);
}

} // namespace pydeb::sources
