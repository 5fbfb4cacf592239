#include "packaging_tools/debian_defaults.hpp"

#include "util/files.hpp"
#include "util/strings.hpp"

namespace fs = std::filesystem;

namespace pydeb::packaging_tools
{

std::string unfold_extended_description(std::string_view extended)
{
    std::vector<std::string> lines;
    for (std::string line : util::split(extended, '\n'))
    {
        if (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        {
            line.erase(0, 1);
        }
        lines.push_back(util::trim(line) == "." ? std::string() : line);
    }
    while (!lines.empty() && util::trim(lines.back()).empty())
    {
        lines.pop_back();
    }
    return util::join(lines, "\n");
}

Expected<spec::Defaults> debian_defaults(const std::vector<Paragraph>& control,
                                         const ChangelogEntry& changelog, std::string_view package)
{
    if (control.empty() || !control.front().find("Source"))
    {
        return fail("debian/control: the first paragraph must be the source paragraph, with a "
                    "'Source:' field (Debian Policy 5.2)");
    }
    const Paragraph& source = control.front();
    const Paragraph* binary = nullptr;
    std::vector<std::string> packages;
    for (std::size_t i = 1; i < control.size(); ++i)
    {
        const std::string name = std::string(util::trim(control[i].get("Package").value_or("")));
        packages.push_back(name);
        if (name == package)
        {
            binary = &control[i];
        }
    }
    if (binary == nullptr)
    {
        return fail("debian/control: no binary paragraph 'Package: " + std::string(package) +
                    "'; the binary packages are: " + util::join(packages, ", "));
    }

    spec::Defaults defaults;
    defaults.name = std::string(package);
    const DebianVersion version = PYDEB_TRY(split_debian_version(changelog.version));
    defaults.version = version.upstream;
    defaults.release = version.revision;
    if (const auto description = binary->get("Description"))
    {
        const std::size_t newline = description->find('\n');
        defaults.summary = std::string(util::trim(description->substr(0, newline)));
        if (newline != std::string::npos)
        {
            defaults.description = unfold_extended_description(description->substr(newline + 1));
        }
    }
    if (const auto maintainer = source.get("Maintainer"))
    {
        defaults.maintainer = *maintainer;
    }
    else if (!changelog.maintainer.empty())
    {
        defaults.maintainer = changelog.maintainer;
    }
    if (const auto homepage = binary->get("Homepage"))
    {
        defaults.homepage = *homepage;
    }
    else if (const auto source_homepage = source.get("Homepage"))
    {
        defaults.homepage = *source_homepage;
    }
    return defaults;
}

Expected<std::optional<std::string>> copyright_license(std::string_view text,
                                                       std::string_view origin)
{
    // DEP-5 "Header paragraph": the first paragraph, with a Format field. Free-form copyright
    // files (Debian Policy §12.5 allows them) are not parsed: they need not be deb822 at all.
    std::string head;
    for (const std::string& line : util::split(text, '\n'))
    {
        if (!util::trim(line).empty() && line.front() != '#')
        {
            head = line;
            break;
        }
    }
    if (!util::to_lower(head).starts_with("format:"))
    {
        return std::nullopt;
    }
    const std::vector<Paragraph> paragraphs = PYDEB_TRY(parse_deb822(text, origin));
    for (std::size_t i = 1; i < paragraphs.size(); ++i)
    {
        const Paragraph& paragraph = paragraphs[i];
        const auto files = paragraph.get("Files");
        if (!files)
        {
            continue; // a stand-alone License paragraph
        }
        bool everything = false;
        for (const std::string& pattern : util::split(std::string(*files), '\n'))
        {
            for (const std::string& word : util::split(pattern, ' '))
            {
                everything = everything || util::trim(word) == "*";
            }
        }
        if (!everything)
        {
            continue;
        }
        const Field* license = paragraph.find("License");
        const std::string synopsis =
            license ? std::string(util::trim(license->value.substr(0, license->value.find('\n'))))
                    : std::string();
        if (synopsis.empty())
        {
            return fail(std::string(origin) + ":" + std::to_string(paragraph.line) +
                        ": the 'Files: *' paragraph has no License synopsis (DEP-5: every Files "
                        "paragraph has a License field whose first line names the license)");
        }
        return synopsis;
    }
    return std::nullopt;
}

Expected<spec::Defaults> read_debian_defaults(const fs::path& source_dir, std::string_view package)
{
    const fs::path control_path = source_dir / "debian" / "control";
    const fs::path changelog_path = source_dir / "debian" / "changelog";
    const std::string control_text = PYDEB_TRY(util::read_file(control_path));
    const std::string changelog_text = PYDEB_TRY(util::read_file(changelog_path));
    const std::vector<Paragraph> control =
        PYDEB_TRY(parse_deb822(control_text, control_path.string()));
    const ChangelogEntry changelog =
        PYDEB_TRY(parse_changelog_head(changelog_text, changelog_path.string()));
    spec::Defaults defaults = PYDEB_TRY(debian_defaults(control, changelog, package));
    const fs::path copyright_path = source_dir / "debian" / "copyright";
    if (fs::exists(copyright_path))
    {
        const std::string copyright_text = PYDEB_TRY(util::read_file(copyright_path));
        defaults.license = PYDEB_TRY(copyright_license(copyright_text, copyright_path.string()));
    }
    defaults.header_keys = spec::HeaderKeys::optional;
    defaults.base_dir = source_dir;
    return defaults;
}

} // namespace pydeb::packaging_tools
