#include "install/wheel/wheel_plan.hpp"

#include "adapters/archive/zip_reader.hpp"
#include "python/name.hpp"
#include "util/strings.hpp"

#include <map>
#include <set>

namespace pydeb::install
{

namespace
{

constexpr std::size_t k_metadata_limit = 64 * 1024 * 1024;

struct Scan
{
    std::vector<adapters::ZipEntry> entries;
    std::map<std::string, std::string> small_files; // top-level .dist-info metadata we read
};

bool wanted_metadata(std::string_view name)
{
    const auto slash = name.find('/');
    if (slash == std::string_view::npos || !name.substr(0, slash).ends_with(".dist-info"))
    {
        return false;
    }
    const auto file = name.substr(slash + 1);
    return file == "WHEEL" || file == "RECORD" || file == "entry_points.txt" || file == "METADATA";
}

Expected<Scan> scan(const std::filesystem::path& wheel)
{
    // Raw names first: libarchive reports "a\\b" as "a/b", hiding a name we must refuse.
    for (const auto& raw : PYDEB_TRY(adapters::ZipReader::central_directory_names(wheel)))
    {
        if (auto checked = check_member_name(raw); !checked)
        {
            return fail(wheel.string() + ": member '" + raw + "': " + checked.error().message);
        }
    }
    auto reader = PYDEB_TRY(adapters::ZipReader::open(wheel));
    Scan result;
    while (auto entry = PYDEB_TRY(reader.next()))
    {
        const auto where = wheel.string() + ": member '" + entry->name + "': ";
        if (auto checked = check_member_name(entry->name); !checked)
        {
            return fail(where + checked.error().message);
        }
        if (entry->type == adapters::ZipEntryType::symlink)
        {
            return fail(where + "symbolic link members are not allowed in wheels");
        }
        if (entry->type == adapters::ZipEntryType::other)
        {
            return fail(where + "not a regular file or directory");
        }
        if (entry->type == adapters::ZipEntryType::file && wanted_metadata(entry->name) &&
            !result.small_files.contains(entry->name))
        {
            result.small_files[entry->name] = PYDEB_TRY(reader.read_all(k_metadata_limit));
        }
        result.entries.push_back(std::move(*entry));
    }
    return result;
}

// "name-version" of the .dist-info must match the file name (PEP 503 names, PEP 440 versions).
Expected<void> check_dist_info_name(const WheelPlan& plan, const python::WheelFilename& filename)
{
    const auto stem = std::string_view(plan.dist_info).substr(0, plan.dist_info.size() - 10);
    const auto dash = stem.rfind('-');
    const auto version = dash == std::string_view::npos
                             ? Expected<python::Version>(fail("no version"))
                             : python::Version::parse(stem.substr(dash + 1));
    if (!version || python::normalize_name(stem.substr(0, dash)) != filename.normalized_name() ||
        *version != filename.version)
    {
        return fail(".dist-info directory '" + plan.dist_info +
                    "' does not match the wheel file name (" + filename.name + " " +
                    filename.version.to_string() + ")");
    }
    return {};
}

Expected<void> check_core_metadata(std::string_view text, const python::WheelFilename& filename)
{
    const auto core = PYDEB_TRY(parse_core_metadata(text));
    const auto version = python::Version::parse(core.version);
    if (python::normalize_name(core.name) != filename.normalized_name() || !version ||
        *version != filename.version)
    {
        return fail("Name/Version '" + core.name + " " + core.version +
                    "' do not match the wheel file name (" + filename.name + " " +
                    filename.version.to_string() + ")");
    }
    return {};
}

} // namespace

Expected<WheelPlan> plan_wheel(const Layout& layout, const std::filesystem::path& wheel,
                               const python::TagPriority& supported,
                               std::vector<std::string>& warnings)
{
    const auto where = wheel.string() + ": ";
    auto filename = python::WheelFilename::parse(wheel.filename().string());
    if (!filename)
    {
        return fail(where + filename.error().message);
    }
    if (!supported.is_compatible(filename->tags()))
    {
        return fail(where + "is not compatible with the target interpreter (none of its tags is "
                            "supported); pick a wheel built for this Python and platform");
    }
    auto scanned = PYDEB_TRY(scan(wheel));
    WheelPlan plan;
    plan.wheel = wheel;
    std::vector<std::string> names;
    for (const auto& entry : scanned.entries)
    {
        if (entry.type == adapters::ZipEntryType::file)
        {
            names.push_back(entry.name);
        }
    }
    auto dist_info = find_dist_info(names);
    if (!dist_info)
    {
        return fail(where + dist_info.error().message);
    }
    plan.dist_info = *dist_info;
    if (auto matched = check_dist_info_name(plan, *filename); !matched)
    {
        return fail(where + matched.error().message);
    }
    const auto stem = plan.dist_info.substr(0, plan.dist_info.size() - 10);
    plan.distribution = stem.substr(0, stem.rfind('-'));
    plan.version = stem.substr(stem.rfind('-') + 1);
    const auto metadata_text = [&](std::string_view file) -> const std::string*
    {
        const auto it = scanned.small_files.find(plan.dist_info + "/" + std::string(file));
        return it == scanned.small_files.end() ? nullptr : &it->second;
    };
    for (const auto* required : {"WHEEL", "RECORD", "METADATA"})
    {
        if (metadata_text(required) == nullptr)
        {
            return fail(where + "member '" + plan.dist_info + "/" + required + "' is missing");
        }
    }
    const auto* wheel_text = metadata_text("WHEEL");
    const auto* record_text = metadata_text("RECORD");
    if (auto core = check_core_metadata(*metadata_text("METADATA"), *filename); !core)
    {
        return fail(where + "member '" + plan.dist_info + "/METADATA': " + core.error().message);
    }
    std::vector<std::string> wheel_warnings;
    auto metadata = parse_wheel_file(*wheel_text, wheel_warnings);
    for (const auto& warning : wheel_warnings)
    {
        warnings.push_back(where + warning);
    }
    if (!metadata)
    {
        return fail(where + "member '" + plan.dist_info + "/WHEEL': " + metadata.error().message);
    }
    plan.metadata = *metadata;
    if (const auto* text = metadata_text("entry_points.txt"))
    {
        auto parsed = parse_entry_points(*text);
        if (!parsed)
        {
            return fail(where + "member '" + plan.dist_info +
                        "/entry_points.txt': " + parsed.error().message);
        }
        plan.entry_points = std::move(*parsed);
    }
    auto record = parse_record(*record_text);
    if (!record)
    {
        return fail(where + "member '" + plan.dist_info + "/RECORD': " + record.error().message);
    }
    return plan_members(layout, std::move(plan), std::move(scanned.entries), std::move(*record),
                        warnings);
}

} // namespace pydeb::install
