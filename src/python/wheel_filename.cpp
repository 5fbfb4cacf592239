// Wheel file names, per the binary distribution format specification ("File name convention")
// and packaging.utils.parse_wheel_filename.
#include "python/wheel_filename.hpp"

#include "python/name.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <charconv>

namespace pydeb::python
{
namespace
{

bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.';
}

std::string join_dots(const std::vector<std::string>& parts)
{
    return util::join(parts, ".");
}

} // namespace

Expected<BuildTag> BuildTag::parse(std::string_view text)
{
    BuildTag tag;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), tag.number);
    if (end == text.data() || text.front() < '0' || text.front() > '9')
    {
        return fail("build tag '" + std::string(text) + "' must start with a digit");
    }
    if (ec != std::errc{})
    {
        return fail("build tag '" + std::string(text) + "' has a number that is too large");
    }
    tag.rest = std::string(end, text.data() + text.size());
    return tag;
}

Expected<WheelFilename> WheelFilename::parse(std::string_view filename)
{
    const auto invalid = [&](const std::string& why)
    { return fail("'" + std::string(filename) + "' is not a valid wheel file name: " + why); };
    if (!filename.ends_with(".whl"))
    {
        return invalid("the extension must be '.whl'");
    }
    const std::string_view stem = filename.substr(0, filename.size() - 4);
    const std::vector<std::string> parts = util::split(stem, '-');
    if (parts.size() != 5 && parts.size() != 6)
    {
        return invalid("expected {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl, "
                       "found " +
                       std::to_string(parts.size()) + " '-'-separated parts");
    }
    WheelFilename wheel;
    wheel.name = parts[0];
    // PEP 427 escapes every run of "-_." to "_", so "__" cannot occur in a valid name.
    if (wheel.name.empty() || !std::ranges::all_of(wheel.name, is_name_char) ||
        wheel.name.find("__") != std::string::npos)
    {
        return invalid("invalid project name '" + wheel.name + "'");
    }
    auto version = Version::parse(parts[1]);
    if (!version)
    {
        return invalid(version.error().message);
    }
    wheel.version = std::move(*version);
    if (parts.size() == 6)
    {
        auto build = BuildTag::parse(parts[2]);
        if (!build)
        {
            return invalid(build.error().message);
        }
        wheel.build = std::move(*build);
    }
    const std::size_t tags = parts.size() - 3;
    static constexpr std::string_view k_fields[] = {"python", "abi", "platform"};
    for (std::size_t i = 0; i < 3; ++i)
    {
        std::vector<std::string> set = util::split(parts[tags + i], '.');
        if (std::ranges::any_of(set, &std::string::empty))
        {
            return invalid("the " + std::string(k_fields[i]) + " tag '" + parts[tags + i] +
                           "' is empty or has an empty '.'-separated part");
        }
        (i == 0   ? wheel.python_tags
         : i == 1 ? wheel.abi_tags
                  : wheel.platform_tags) = std::move(set);
    }
    return wheel;
}

std::string WheelFilename::to_string() const
{
    std::string out = name + "-" + version.to_string();
    if (build)
    {
        out += "-" + build->to_string();
    }
    return out + "-" + join_dots(python_tags) + "-" + join_dots(abi_tags) + "-" +
           join_dots(platform_tags) + ".whl";
}

std::vector<Tag> WheelFilename::tags() const
{
    std::vector<Tag> out;
    for (const auto& python : python_tags)
    {
        for (const auto& abi : abi_tags)
        {
            for (const auto& platform : platform_tags)
            {
                out.push_back(Tag{python, abi, platform});
            }
        }
    }
    return out;
}

std::string WheelFilename::normalized_name() const
{
    return normalize_name(name);
}

} // namespace pydeb::python
