#include "install/wheel/wheel_metadata.hpp"

#include "util/strings.hpp"

#include <charconv>
#include <set>

namespace pydeb::install
{

namespace
{

Expected<int> parse_int(std::string_view text)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size())
    {
        return fail("not a number");
    }
    return value;
}

} // namespace

Expected<WheelMetadata> parse_wheel_file(std::string_view text, std::vector<std::string>& warnings)
{
    WheelMetadata metadata;
    std::string version;
    for (const auto& raw : util::split(text, '\n'))
    {
        const auto line = util::trim(raw);
        const auto colon = line.find(':');
        if (line.empty() || colon == std::string_view::npos)
        {
            continue;
        }
        const auto key = util::to_lower(util::trim(line.substr(0, colon)));
        const auto value = std::string(util::trim(line.substr(colon + 1)));
        if (key == "wheel-version")
        {
            version = value;
        }
        else if (key == "root-is-purelib")
        {
            // pip compares case-insensitively ("True" counts); so do we.
            metadata.root_is_purelib =
                util::to_lower(value) == "true" ? RootIsPurelib::yes : RootIsPurelib::no;
        }
        else if (key == "tag")
        {
            metadata.tags.push_back(value);
        }
    }
    if (version.empty())
    {
        return fail("WHEEL is missing Wheel-Version");
    }
    const auto parts = util::split(version, '.');
    auto major = parse_int(parts[0]);
    auto minor = parts.size() == 2 ? parse_int(parts[1]) : Expected<int>(fail("no minor"));
    if (!major || !minor)
    {
        return fail("invalid Wheel-Version '" + version + "' (expected MAJOR.MINOR)");
    }
    // PEP 427 "Recommended installer features": "abort if major version is greater, warn if
    // minor version is greater" than the one this installer supports (1.0). An older major
    // (0.x wheels from early bdist_wheel releases) is installed, as pip and installer do.
    if (*major > 1)
    {
        return fail("Wheel-Version " + version +
                    " is newer than the 1.x this pydeb supports (PEP 427: a newer major version is "
                    "refused); rebuild the wheel with a wheel tool that writes 1.x, or upgrade "
                    "pydeb");
    }
    metadata.major = *major;
    metadata.minor = *minor;
    if (*major == 1 && *minor > 0)
    {
        warnings.push_back("installing from a newer Wheel-Version (" + version + ")");
    }
    return metadata;
}

Expected<CoreMetadata> parse_core_metadata(std::string_view text)
{
    if (!is_valid_utf8(text))
    {
        return fail("METADATA is not valid UTF-8");
    }
    CoreMetadata metadata;
    for (const auto& raw : util::split(text, '\n'))
    {
        const auto line = util::trim(raw);
        if (line.empty())
        {
            break; // the body (long description) starts here
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
        {
            continue;
        }
        const auto key = util::to_lower(util::trim(line.substr(0, colon)));
        const auto value = std::string(util::trim(line.substr(colon + 1)));
        if (key == "name" && metadata.name.empty())
        {
            metadata.name = value;
        }
        else if (key == "version" && metadata.version.empty())
        {
            metadata.version = value;
        }
    }
    if (metadata.name.empty() || metadata.version.empty())
    {
        return fail("METADATA lacks a Name or Version field");
    }
    return metadata;
}

Expected<std::string> find_dist_info(const std::vector<std::string>& members)
{
    std::set<std::string> found;
    for (const auto& member : members)
    {
        const auto slash = member.find('/');
        if (slash == std::string::npos)
        {
            continue;
        }
        const auto top = member.substr(0, slash);
        if (top.ends_with(".dist-info"))
        {
            found.insert(top);
        }
    }
    if (found.empty())
    {
        return fail(".dist-info directory not found");
    }
    if (found.size() > 1)
    {
        return fail("multiple .dist-info directories found: " +
                    util::join({found.begin(), found.end()}, ", "));
    }
    return *found.begin();
}

} // namespace pydeb::install
