#include "depmap/dpkg_status.hpp"

#include "util/files.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

namespace
{

// deb-control(5) stanzas: "Field: value" lines, continuation lines start with a space, a blank
// line ends the stanza. Only the single-line fields dpkg -S and dpkg-shlibdeps need are kept. The
// status of a desktop system is a few MB: it is walked as views, copying only the kept values.
void parse_status(std::string_view text, std::map<std::string, InstalledPackage, std::less<>>& out)
{
    InstalledPackage current;
    std::string_view status;
    const auto flush = [&]
    {
        // "want flag status": keep "install ok installed", "hold ok installed".
        if (!current.name.empty() && status.ends_with(" installed"))
        {
            auto name = current.name;
            out.insert_or_assign(std::move(name), std::move(current));
        }
        current = {};
        status = {};
    };
    for (std::size_t pos = 0; pos <= text.size();)
    {
        const auto end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (util::trim(line).empty())
        {
            flush();
            continue;
        }
        if (line.front() == ' ' || line.front() == '\t')
        {
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
        {
            continue;
        }
        const std::string_view field = line.substr(0, colon);
        const std::string_view value = util::trim(line.substr(colon + 1));
        if (field == "Package")
        {
            current.name = value;
        }
        else if (field == "Status")
        {
            status = value;
        }
        else if (field == "Architecture")
        {
            current.architecture = value;
        }
        else if (field == "Version")
        {
            current.version = value;
        }
        else if (field == "Multi-Arch")
        {
            current.multi_arch = value;
        }
    }
    flush();
}

} // namespace

const InstalledPackage* InstalledPackages::find(std::string_view name)
{
    const auto& packages = parsed();
    const auto found = packages.find(name);
    return found == packages.end() ? nullptr : &found->second;
}

const InstalledPackages::Packages& InstalledPackages::parsed()
{
    if (!m_parsed)
    {
        // An unreadable status (DpkgDatabase::open checked it could be opened) has no packages.
        const auto text = util::read_file(m_status);
        m_parsed.emplace();
        parse_status(text ? std::string_view(*text) : std::string_view(), *m_parsed);
    }
    return *m_parsed;
}

} // namespace pydeb::depmap
