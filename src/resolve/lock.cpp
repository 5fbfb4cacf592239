#include "resolve/lock.hpp"

#include "python/sdist_filename.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace pydeb::resolve
{

Lock make_lock(const std::vector<python::Requirement>& requirements, const Resolution& resolution)
{
    Lock lock{requirements, {}};
    for (const ResolvedWheel& wheel : resolution.wheels)
    {
        lock.wheels.push_back({wheel.name, wheel.version, wheel.filename, wheel.sha256, wheel.url});
    }
    std::ranges::sort(lock.wheels, {}, &LockedWheel::name);
    return lock;
}

std::string format_lock(const Lock& lock)
{
    std::string text = "# pydeb.lock: the exact wheels of a resolution. Written by pydeb; do not "
                       "edit by hand.\n";
    text += "pydeb-lock " + std::to_string(k_lock_format) + "\n";
    for (const auto& requirement : lock.requirements)
    {
        text += "requirement " + requirement.to_string() + "\n";
    }
    for (const LockedWheel& wheel : lock.wheels)
    {
        // A wheel built from an sdist is locked as the sdist: its bytes are what was fetched and
        // checked; the wheel is remade from them (and cached by their sha256).
        text += (python::sdist_format(wheel.filename) ? "sdist " : "wheel ") + wheel.name + " " + wheel.version.to_string() + " " + wheel.filename +
                " sha256=" + wheel.sha256 + (wheel.url.empty() ? "" : " url=" + wheel.url) + "\n";
    }
    return text;
}

namespace
{

bool is_sha256_hex(std::string_view text)
{
    return text.size() == 64 &&
           std::ranges::all_of(text, [](char c)
                               { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace

Expected<Lock> parse_lock(std::string_view text, std::string_view where)
{
    Lock lock;
    bool seen_header = false;
    std::size_t number = 0;
    for (const std::string& raw : util::split(text, '\n'))
    {
        ++number;
        const std::string location = std::string(where) + ":" + std::to_string(number) + ": ";
        const std::string_view line = util::trim(raw);
        if (line.empty() || line.front() == '#')
        {
            continue;
        }
        const std::size_t space = line.find(' ');
        const std::string_view keyword = line.substr(0, space);
        const std::string_view rest =
            space == std::string_view::npos ? std::string_view{} : util::trim(line.substr(space));
        if (!seen_header)
        {
            if (keyword != "pydeb-lock")
            {
                return fail(location + "not a pydeb.lock file: it must start with 'pydeb-lock " +
                            std::to_string(k_lock_format) + "'");
            }
            if (rest != std::to_string(k_lock_format))
            {
                return fail(location + "lock format '" + std::string(rest) +
                            "' is not known to this pydeb (it reads format " +
                            std::to_string(k_lock_format) + "); resolve again with `pydeb lock`");
            }
            seen_header = true;
        }
        else if (keyword == "requirement")
        {
            auto requirement = python::Requirement::parse(rest);
            if (!requirement)
            {
                return fail(location + requirement.error().message);
            }
            lock.requirements.push_back(std::move(*requirement));
        }
        else if (keyword == "wheel" || keyword == "sdist")
        {
            const auto fields = util::split(rest, ' ');
            if (fields.size() >= 3 &&
                python::sdist_format(fields[2]).has_value() != (keyword == "sdist"))
            {
                return fail(location + "'" + std::string(keyword) + "' line for the file " +
                            fields[2] + ", which is " +
                            (keyword == "sdist" ? "no sdist (NAME-VERSION.tar.gz or .zip)"
                                                : "an sdist (lock it with an 'sdist' line)"));
            }
            if (fields.size() < 4 || fields.size() > 5 || !fields[3].starts_with("sha256=") ||
                !is_sha256_hex(std::string_view(fields[3]).substr(7)) ||
                (fields.size() == 5 && (!fields[4].starts_with("url=") || fields[4].size() == 4)))
            {
                return fail(location + "expected '" + std::string(keyword) +
                            " NAME VERSION FILENAME sha256=HEX [url=URL]'");
            }
            auto version = python::Version::parse(fields[1]);
            if (!version)
            {
                return fail(location + version.error().message);
            }
            lock.wheels.push_back({fields[0], std::move(*version), fields[2], fields[3].substr(7),
                                   fields.size() == 5 ? fields[4].substr(4) : std::string()});
        }
        else
        {
            return fail(location + "unknown line '" + std::string(keyword) +
                        "' (expected requirement, wheel or sdist)");
        }
    }
    if (!seen_header)
    {
        return fail(std::string(where) + ": empty lock file (no 'pydeb-lock " +
                    std::to_string(k_lock_format) + "' line)");
    }
    return lock;
}

Expected<void> write_lock(const std::filesystem::path& path, const Lock& lock)
{
    return util::write_file_atomic(path, format_lock(lock));
}

Expected<Lock> read_lock(const std::filesystem::path& path)
{
    const std::string text = PYDEB_TRY(util::read_file(path));
    return parse_lock(text, path.string());
}

} // namespace pydeb::resolve
