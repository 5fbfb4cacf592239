#include "targets/apt_sources.hpp"

#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace fs = std::filesystem;

namespace pydeb::targets
{

namespace
{

std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    for (const std::string& word : util::split(util::replace_all(std::string(text), "\t", " "), ' '))
    {
        if (!word.empty())
        {
            out.push_back(word);
        }
    }
    return out;
}

std::optional<std::string> archive_root(std::string uri)
{
    while (uri.ends_with('/'))
    {
        uri.pop_back();
    }
    if (uri.ends_with("/debian") && (uri.starts_with("http://") || uri.starts_with("https://")))
    {
        return uri;
    }
    return std::nullopt;
}

// "deb [arch=amd64 signed-by=...] URI SUITE COMPONENT..."
std::optional<std::string> from_one_line_style(std::string_view text)
{
    for (const std::string& line : util::split(text, '\n'))
    {
        std::vector<std::string> parts = words(line.substr(0, line.find('#')));
        if (parts.size() < 3 || parts[0] != "deb")
        {
            continue;
        }
        std::size_t uri = 1;
        if (parts[1].starts_with('['))
        {
            while (uri < parts.size() && !parts[uri].ends_with(']'))
            {
                ++uri;
            }
            ++uri;
        }
        if (uri < parts.size())
        {
            if (auto root = archive_root(parts[uri]))
            {
                return root;
            }
        }
    }
    return std::nullopt;
}

// deb822 stanzas: "Types: deb" and "URIs: ..." (Enabled: no skips the stanza).
std::optional<std::string> from_deb822_style(std::string_view text)
{
    for (const std::string& stanza : util::split(util::replace_all(std::string(text), "\n\n", "\f"), '\f'))
    {
        std::vector<std::string> types, uris;
        bool enabled = true;
        for (const std::string& line : util::split(stanza, '\n'))
        {
            const std::size_t colon = line.find(':');
            if (line.starts_with('#') || colon == std::string::npos)
            {
                continue;
            }
            const std::string name = util::to_lower(util::trim(line.substr(0, colon)));
            const std::string value(util::trim(line.substr(colon + 1)));
            if (name == "types")
            {
                types = words(value);
            }
            else if (name == "uris")
            {
                uris = words(value);
            }
            else if (name == "enabled")
            {
                enabled = value != "no";
            }
        }
        if (!enabled || std::ranges::find(types, "deb") == types.end())
        {
            continue;
        }
        for (const std::string& uri : uris)
        {
            if (auto root = archive_root(uri))
            {
                return root;
            }
        }
    }
    return std::nullopt;
}

} // namespace

std::string host_debian_archive(const fs::path& root)
{
    std::vector<fs::path> files{root / "etc/apt/sources.list"};
    std::vector<fs::path> parts;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root / "etc/apt/sources.list.d", ec))
    {
        parts.push_back(entry.path());
    }
    std::ranges::sort(parts);
    files.insert(files.end(), parts.begin(), parts.end());
    for (const fs::path& file : files)
    {
        const auto text = util::read_file(file);
        if (!text)
        {
            continue;
        }
        const std::string extension = file.extension().string();
        const auto found = extension == ".sources" ? from_deb822_style(*text)
                           : extension == ".list" || file.filename() == "sources.list"
                               ? from_one_line_style(*text)
                               : std::nullopt;
        if (found)
        {
            return *found;
        }
    }
    return std::string(k_default_archive);
}

} // namespace pydeb::targets
