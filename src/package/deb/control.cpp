#include "package/deb/control.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace pydeb::package::deb
{

namespace
{

std::string_view rtrim(std::string_view line)
{
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    {
        line.remove_suffix(1);
    }
    return line;
}

bool blank(std::string_view line)
{
    return util::trim(line).empty();
}

// A field that must stay on one line (everything except Description's long text).
Expected<void> single_line(std::string_view field, std::string_view value)
{
    if (value.find('\n') != std::string_view::npos || value.find('\r') != std::string_view::npos)
    {
        return fail("control field " + std::string(field) +
                    " must be a single line, got: " + std::string(value.substr(0, 60)));
    }
    return {};
}

} // namespace

std::string deb_version(const PackageInfo& info)
{
    std::string version;
    if (info.epoch)
    {
        version = std::to_string(*info.epoch) + ":";
    }
    version += info.version;
    if (!info.release.empty())
    {
        version += "-" + info.release;
    }
    return version;
}

std::string fold_description(std::string_view summary, std::string_view description)
{
    std::string text(util::trim(summary));
    auto lines = util::split(description, '\n');
    while (!lines.empty() && blank(lines.front()))
    {
        lines.erase(lines.begin());
    }
    while (!lines.empty() && blank(lines.back()))
    {
        lines.pop_back();
    }
    for (const std::string& line : lines)
    {
        const std::string_view kept = rtrim(line);
        // Policy 5.6.13: " ." is an empty line; a line of just "." would be read as one too.
        text += kept.empty() ? "\n ." : "\n " + std::string(kept);
    }
    return text;
}

std::uint64_t installed_size(const std::vector<SizedObject>& objects)
{
    std::uint64_t kib = 0;
    for (const SizedObject& object : objects)
    {
        kib += object.type == EntryType::directory ? 1 : (object.size + 1023) / 1024;
    }
    return kib;
}

Expected<std::string> render_control(const PackageInfo& info, std::uint64_t installed_size_kib)
{
    for (const auto& [field, value] :
         {std::pair<std::string_view, std::string_view>{"Package", info.name},
          {"Version", info.version},
          {"Architecture", info.deb_architecture}})
    {
        if (value.empty())
        {
            return fail("control field " + std::string(field) +
                        " is empty; dpkg requires it (deb-control(5))");
        }
    }
    std::string out;
    auto field = [&](std::string_view name, std::string_view value) -> Expected<void>
    {
        if (!value.empty())
        {
            PYDEB_TRY(single_line(name, value));
            out += std::string(name) + ": " + std::string(value) + "\n";
        }
        return {};
    };
    auto relation = [&](std::string_view name, const std::vector<std::string>& items)
    { return field(name, util::join(items, ", ")); };
    const Relations& r = info.relations;
    // Field order as dpkg-gencontrol writes it (Dpkg::Control::FieldsCore).
    PYDEB_TRY(field("Package", info.name));
    PYDEB_TRY(field("Version", deb_version(info)));
    PYDEB_TRY(field("Architecture", info.deb_architecture));
    PYDEB_TRY(field("Maintainer", info.maintainer));
    PYDEB_TRY(field("Installed-Size", std::to_string(installed_size_kib)));
    PYDEB_TRY(relation("Pre-Depends", r.pre_depends));
    PYDEB_TRY(relation("Depends", r.depends));
    PYDEB_TRY(relation("Recommends", r.recommends));
    PYDEB_TRY(relation("Suggests", r.suggests));
    PYDEB_TRY(relation("Breaks", r.breaks));
    PYDEB_TRY(relation("Conflicts", r.conflicts));
    PYDEB_TRY(relation("Replaces", r.replaces));
    PYDEB_TRY(relation("Provides", r.provides));
    PYDEB_TRY(field("Section", info.section));
    PYDEB_TRY(field("Priority", info.priority));
    PYDEB_TRY(field("Homepage", info.homepage));
    PYDEB_TRY(single_line("Description (summary)", info.summary));
    out += "Description: " + fold_description(info.summary, info.description) + "\n";
    return out;
}

std::string render_md5sums(std::vector<std::pair<std::string, std::string>> digests)
{
    std::sort(digests.begin(), digests.end());
    std::string out;
    for (const auto& [path, hex] : digests)
    {
        out += hex + "  " + path.substr(path.starts_with('/') ? 1 : 0) + "\n";
    }
    return out;
}

std::string render_conffiles(std::vector<std::string> paths)
{
    std::sort(paths.begin(), paths.end());
    std::string out;
    for (const std::string& path : paths)
    {
        out += path + "\n";
    }
    return out;
}

} // namespace pydeb::package::deb
