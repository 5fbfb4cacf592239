#include "packaging_tools/changelog.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pydeb::packaging_tools
{

namespace
{

Error located(std::string_view origin, int line, std::string_view what)
{
    return Error{std::string(origin) + ":" + std::to_string(line) + ": " + std::string(what)};
}

bool is_source_name(std::string_view name)
{
    // Debian Policy §5.6.1: [a-z0-9][a-z0-9+.-]+
    if (name.size() < 2 || !(std::islower(static_cast<unsigned char>(name[0])) ||
                             std::isdigit(static_cast<unsigned char>(name[0]))))
    {
        return false;
    }
    return std::ranges::all_of(name,
                               [](char c)
                               {
                                   return std::islower(static_cast<unsigned char>(c)) ||
                                          std::isdigit(static_cast<unsigned char>(c)) || c == '+' ||
                                          c == '-' || c == '.';
                               });
}

} // namespace

Expected<DebianVersion> split_debian_version(std::string_view version)
{
    DebianVersion parts;
    std::string_view rest = version;
    if (const std::size_t colon = rest.find(':'); colon != std::string_view::npos)
    {
        const std::string_view epoch = rest.substr(0, colon);
        if (epoch.empty() ||
            !std::ranges::all_of(epoch, [](char c)
                                 { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
        {
            return fail("version '" + std::string(version) + "': the epoch must be a number");
        }
        parts.epoch = std::string(epoch);
        rest.remove_prefix(colon + 1);
    }
    if (const std::size_t hyphen = rest.rfind('-'); hyphen != std::string_view::npos)
    {
        parts.revision = std::string(rest.substr(hyphen + 1));
        rest = rest.substr(0, hyphen);
        if (parts.revision->empty())
        {
            return fail("version '" + std::string(version) + "': empty Debian revision after '-'");
        }
    }
    if (rest.empty() || !std::isdigit(static_cast<unsigned char>(rest.front())))
    {
        return fail("version '" + std::string(version) +
                    "': the upstream version must start with a digit (deb-version(5))");
    }
    parts.upstream = std::string(rest);
    return parts;
}

Expected<ChangelogEntry> parse_changelog_head(std::string_view text, std::string_view origin)
{
    ChangelogEntry entry;
    bool have_header = false;
    int number = 0;
    for (const std::string& line : util::split(text, '\n'))
    {
        ++number;
        if (!have_header)
        {
            if (util::trim(line).empty())
            {
                continue;
            }
            // "source (version) distributions; metadata"
            const std::size_t open = line.find(" (");
            const std::size_t close = line.find(')', open == std::string::npos ? 0 : open);
            const std::size_t semicolon = line.find(';', close == std::string::npos ? 0 : close);
            if (open == std::string::npos || close == std::string::npos ||
                semicolon == std::string::npos)
            {
                return std::unexpected(located(
                    origin, number,
                    "expected 'source (version) distribution; urgency=...', got '" + line + "'"));
            }
            entry.source = line.substr(0, open);
            entry.version = line.substr(open + 2, close - open - 2);
            const std::vector<std::string> dists = util::split(
                util::trim(std::string_view(line).substr(close + 1, semicolon - close - 1)), ' ');
            entry.distribution = dists.front();
            if (!is_source_name(entry.source))
            {
                return std::unexpected(located(origin, number,
                                               "'" + entry.source +
                                                   "' is not a valid source package name "
                                                   "(Debian Policy 5.6.1)"));
            }
            if (const auto version = split_debian_version(entry.version); !version)
            {
                return std::unexpected(located(origin, number, version.error().message));
            }
            have_header = true;
            continue;
        }
        if (line.starts_with(" -- "))
        {
            // " -- Name <email>  date": two spaces separate the address from the date.
            const std::size_t close = line.find(">  ");
            if (close == std::string::npos)
            {
                return std::unexpected(
                    located(origin, number,
                            "expected ' -- Name <email>  date' (two spaces before the date)"));
            }
            entry.maintainer = std::string(util::trim(std::string_view(line).substr(4, close - 3)));
            entry.date = std::string(util::trim(std::string_view(line).substr(close + 3)));
            return entry;
        }
        if (!line.empty() && line.front() != ' ' && line.front() != '\t')
        {
            break; // the next entry's header: this one had no trailer
        }
    }
    if (!have_header)
    {
        return std::unexpected(located(origin, number, "no changelog entry found"));
    }
    return std::unexpected(
        located(origin, number, "the first entry has no ' -- Name <email>  date' trailer line"));
}

} // namespace pydeb::packaging_tools
