#include "packaging_tools/rpm_filelist.hpp"

#include <fnmatch.h>
#include <set>

namespace pydeb::packaging_tools
{

namespace
{

bool needs_wildcard(char c)
{
    return c == '{' || c == '}' || c == '"' || c == '\\';
}

// A '?' standing for a brace, quote or backslash might also match a sibling; glob would then
// list both on one line (and a %config line would mark the sibling too).
Expected<void> check_unambiguous(const package::Entry& entry, const std::string& pattern,
                                 const std::vector<package::Entry>& entries)
{
    for (const package::Entry& other : entries)
    {
        if (other.path != entry.path &&
            ::fnmatch(pattern.c_str(), other.path.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0)
        {
            return fail("'" + entry.path + "' cannot be listed for rpm without also matching '" +
                        other.path +
                        "': rpm's %files lines glob-expand braces, quotes and backslashes; "
                        "rename one of them");
        }
    }
    return {};
}

} // namespace

std::string rpm_files_pattern(std::string_view path)
{
    std::string out;
    for (const char c : path)
    {
        switch (c)
        {
        case '%':
            out += "%%";
            break;
        case '*':
            out += "[*]";
            break;
        case '?':
            out += "[?]";
            break;
        case '[':
            out += "[[]";
            break;
        default:
            out += needs_wildcard(c) ? '?' : c;
        }
    }
    return out;
}

Expected<std::string> render_rpm_filelist(const std::vector<package::Entry>& entries)
{
    std::string out = "%defattr(-,root,root,-)\n";
    for (const package::Entry& entry : entries)
    {
        if (entry.path.find('\n') != std::string::npos)
        {
            return fail("'" + entry.path + "': a path with a newline cannot be listed for rpm");
        }
        if (entry.type == package::EntryType::directory && !entry.owned_directory)
        {
            continue;
        }
        const std::string pattern = rpm_files_pattern(entry.path);
        bool wildcard = false;
        for (const char c : entry.path)
        {
            wildcard = wildcard || needs_wildcard(c);
        }
        if (wildcard)
        {
            // fnmatch sees the pattern without rpm's "%%" macro escaping.
            std::string glob;
            for (std::size_t i = 0; i < pattern.size(); ++i)
            {
                glob += pattern[i];
                i += pattern.compare(i, 2, "%%") == 0 ? 1 : 0;
            }
            PYDEB_TRY(check_unambiguous(entry, glob, entries));
        }
        const std::string quoted = "\"" + pattern + "\"";
        if (entry.type == package::EntryType::directory)
        {
            out += "%dir " + quoted + "\n";
        }
        else if (entry.config == package::ConfigFile::yes)
        {
            out += "%config(noreplace) " + quoted + "\n";
        }
        else
        {
            out += quoted + "\n";
        }
    }
    return out;
}

std::string render_rpm_requires(const std::vector<std::string>& requires_)
{
    const std::set<std::string> sorted(requires_.begin(), requires_.end());
    std::string out;
    for (const std::string& relation : sorted)
    {
        if (!relation.empty())
        {
            out += relation + "\n";
        }
    }
    return out;
}

} // namespace pydeb::packaging_tools
