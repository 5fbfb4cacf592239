#include "install/wheel/member.hpp"

#include "util/strings.hpp"

#include <array>
#include <filesystem>

namespace pydeb::install
{

bool is_valid_utf8(std::string_view text)
{
    return util::is_valid_utf8(text);
}

Expected<void> check_member_name(std::string_view name)
{
    if (name.empty())
    {
        return fail("empty member name");
    }
    if (!is_valid_utf8(name))
    {
        return fail("member name is not valid UTF-8");
    }
    for (const char c : name)
    {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        {
            return fail("member name contains a control character");
        }
    }
    if (name.find('\\') != std::string_view::npos)
    {
        return fail("member name contains a backslash (not a POSIX path separator; refused)");
    }
    if (name.front() == '/')
    {
        return fail("absolute path: the file would be installed outside the target directory");
    }
    if (name.size() >= 2 && name[1] == ':' &&
        ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')))
    {
        return fail("path starts with a drive letter");
    }
    auto body = name;
    if (body.back() == '/')
    {
        body.remove_suffix(1); // a directory member
    }
    for (const auto& component : util::split(body, '/'))
    {
        if (component == "..")
        {
            return fail("path contains '..': the file would be installed outside the target "
                        "directory");
        }
        if (component.empty() || component == ".")
        {
            return fail("path has an empty or '.' component");
        }
    }
    return {};
}

bool is_pycache_member(std::string_view name)
{
    return name.starts_with("__pycache__/") || name.find("/__pycache__/") != std::string_view::npos;
}

std::string_view scheme_name(Scheme scheme)
{
    switch (scheme)
    {
    case Scheme::purelib:
        return "purelib";
    case Scheme::platlib:
        return "platlib";
    case Scheme::scripts:
        return "scripts";
    case Scheme::headers:
        return "headers";
    case Scheme::data:
        return "data";
    }
    return "?";
}

Expected<MemberTarget> classify_member(std::string_view name, std::string_view data_dir,
                                       RootIsPurelib root_is_purelib)
{
    const Scheme root = root_is_purelib == RootIsPurelib::yes ? Scheme::purelib : Scheme::platlib;
    if (!name.starts_with(data_dir) || name.size() == data_dir.size() ||
        name[data_dir.size()] != '/')
    {
        return MemberTarget{root, std::string(name)};
    }
    const auto rest = name.substr(data_dir.size() + 1);
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash + 1 == rest.size())
    {
        return fail("unexpected file in " + std::string(data_dir) +
                    "/: .data contents must be in subdirectories named after a scheme key "
                    "(purelib, platlib, scripts, headers, data)");
    }
    const auto key = rest.substr(0, slash);
    for (const Scheme scheme :
         {Scheme::purelib, Scheme::platlib, Scheme::scripts, Scheme::headers, Scheme::data})
    {
        if (key == scheme_name(scheme))
        {
            return MemberTarget{scheme, std::string(rest.substr(slash + 1))};
        }
    }
    return fail("unknown scheme key '" + std::string(key) + "' in " + std::string(data_dir) +
                "/ (valid keys: purelib, platlib, scripts, headers, data)");
}

bool is_reserved_script_name(std::string_view name)
{
    if (name == "python" || name == "python3" || name == "pythonw" || name == "graalpy" ||
        name.starts_with("pypy"))
    {
        return true;
    }
    // python3.N and python3.Nt
    if (!name.starts_with("python3."))
    {
        return false;
    }
    auto rest = name.substr(8);
    if (rest.ends_with('t'))
    {
        rest.remove_suffix(1);
    }
    return !rest.empty() && rest.find_first_not_of("0123456789") == std::string_view::npos;
}

bool link_stays_inside(const std::string& relative, const std::string& target)
{
    namespace fs = std::filesystem;
    if (target.empty() || target.front() == '/')
    {
        return false;
    }
    bool named = false;
    for (const auto& part : fs::path(target))
    {
        if (part == "..")
        {
            if (named)
            {
                return false;
            }
        }
        else if (!part.empty() && part != ".")
        {
            named = true;
        }
    }
    const auto resolved = (fs::path(relative).parent_path() / target).lexically_normal();
    return !resolved.empty() && *resolved.begin() != ".." && resolved.is_relative();
}

} // namespace pydeb::install
