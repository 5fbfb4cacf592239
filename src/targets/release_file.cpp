#include "targets/release_file.hpp"

#include "util/strings.hpp"

#include <charconv>

namespace pydeb::targets
{

const IndexFile* ReleaseFile::find(std::string_view path) const
{
    for (const IndexFile& file : files)
    {
        if (file.path == path)
        {
            return &file;
        }
    }
    return nullptr;
}

std::string ReleaseFile::fetch_path(const IndexFile& file) const
{
    if (by_hash == ByHash::no)
    {
        return file.path;
    }
    const std::size_t slash = file.path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : file.path.substr(0, slash + 1);
    return dir + "by-hash/SHA256/" + file.sha256;
}

Expected<ReleaseFile> parse_release_file(std::string_view text, std::string_view where)
{
    ReleaseFile release;
    bool in_sha256 = false;
    for (const std::string& line : util::split(text, '\n'))
    {
        // deb822 (Debian Policy §5.1): a continuation line starts with a space; the hash
        // fields' entries are continuation lines "HASH SIZE PATH".
        if (line.starts_with(' '))
        {
            if (!in_sha256)
            {
                continue;
            }
            std::vector<std::string> words;
            for (const std::string& word : util::split(util::trim(line), ' '))
            {
                if (!word.empty())
                {
                    words.push_back(word);
                }
            }
            IndexFile file;
            const auto [end, ec] = words.size() == 3
                                       ? std::from_chars(words[1].data(),
                                                         words[1].data() + words[1].size(),
                                                         file.size)
                                       : std::from_chars_result{nullptr, std::errc::invalid_argument};
            if (ec != std::errc() || words[0].size() != 64 ||
                words[0].find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
            {
                return fail(std::string(where) + ": malformed SHA256 line '" +
                            std::string(util::trim(line)) + "' (expected HASH SIZE PATH)");
            }
            file.sha256 = util::to_lower(words[0]);
            file.path = words[2];
            release.files.push_back(std::move(file));
            continue;
        }
        const std::size_t colon = line.find(':');
        const std::string_view name = std::string_view(line).substr(0, colon);
        const std::string_view value =
            colon == std::string::npos ? "" : util::trim(std::string_view(line).substr(colon + 1));
        in_sha256 = name == "SHA256";
        if (name == "Codename")
        {
            release.codename = value;
        }
        else if (name == "Suite")
        {
            release.suite = value;
        }
        else if (name == "Acquire-By-Hash")
        {
            release.by_hash = value == "yes" ? ByHash::yes : ByHash::no;
        }
    }
    if (release.codename.empty() || release.files.empty())
    {
        return fail(std::string(where) + ": not a Release file (no Codename or no SHA256 list)");
    }
    return release;
}

} // namespace pydeb::targets
