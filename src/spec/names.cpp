#include "spec/names.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cctype>

namespace pydeb::spec
{

namespace
{

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

} // namespace

std::optional<std::string> check_package_name(std::string_view name)
{
    if (name.size() < 2)
    {
        return "a package name needs at least two characters (Debian Policy §5.6.1)";
    }
    for (char c : name)
    {
        if (!is_lower_alnum(c) && c != '+' && c != '-' && c != '.')
        {
            return std::string("'") + c +
                   "' is not allowed in a package name: use lower-case letters, digits, '+', '-' "
                   "and '.' (Debian Policy §5.6.1)";
        }
    }
    if (!is_lower_alnum(name.front()))
    {
        return "a package name must start with a lower-case letter or digit (Debian Policy §5.6.1)";
    }
    return std::nullopt;
}

std::optional<std::string> check_version(std::string_view version)
{
    if (version.empty() || std::isdigit(static_cast<unsigned char>(version.front())) == 0)
    {
        return "a version must start with a digit (Debian Policy §5.6.12)";
    }
    for (char c : version)
    {
        if (c == '-')
        {
            return "'-' is not allowed in a version: put the packaging revision in 'release'";
        }
        if (c == ':')
        {
            return "':' is not allowed in a version: put the epoch in 'epoch'";
        }
        if (!is_alnum(c) && c != '.' && c != '+' && c != '~')
        {
            return std::string("'") + c +
                   "' is not allowed in a version: use letters, digits, '.', '+' and '~'";
        }
    }
    return std::nullopt;
}

std::optional<std::string> check_release(std::string_view release)
{
    if (release.empty())
    {
        return "the release must not be empty";
    }
    for (char c : release)
    {
        if (!is_alnum(c) && c != '.' && c != '+' && c != '~')
        {
            return std::string("'") + c +
                   "' is not allowed in a release: use letters, digits, '.', '+' and '~'";
        }
    }
    return std::nullopt;
}

std::optional<std::string> check_maintainer(std::string_view maintainer)
{
    const auto open = maintainer.find('<');
    const auto at = maintainer.find('@', open == std::string_view::npos ? 0 : open);
    const auto close = maintainer.find('>', at == std::string_view::npos ? 0 : at);
    if (open == std::string_view::npos || open == 0 || at == std::string_view::npos ||
        close != maintainer.size() - 1 || util::trim(maintainer.substr(0, open)).empty())
    {
        return "a maintainer is written 'Full Name <email@example.com>' (Debian Policy §5.6.2)";
    }
    return std::nullopt;
}

std::optional<std::string> check_absolute_path(std::string_view path)
{
    if (path.empty() || path.front() != '/')
    {
        return "the path must be absolute";
    }
    if (path.size() > 1 && path.back() == '/')
    {
        return "the path must not end in '/'";
    }
    for (const auto& part : util::split(path.substr(1), '/'))
    {
        if (part.empty() || part == "." || part == "..")
        {
            return "the path must be normalised (no '//', '.' or '..' components)";
        }
    }
    return std::nullopt;
}

std::optional<std::string> check_command_name(std::string_view name)
{
    if (name.empty() || !is_alnum(name.front()))
    {
        return "a command name must start with a letter or digit";
    }
    for (char c : name)
    {
        if (!is_alnum(c) && c != '.' && c != '_' && c != '+' && c != '-')
        {
            return std::string("'") + c + "' is not allowed in a command name";
        }
    }
    return std::nullopt;
}

std::optional<std::uint32_t> parse_octal_mode(std::string_view text)
{
    if (text.empty() || text.size() > 4)
    {
        return std::nullopt;
    }
    std::uint32_t mode = 0;
    for (char c : text)
    {
        if (c < '0' || c > '7')
        {
            return std::nullopt;
        }
        mode = mode * 8 + static_cast<std::uint32_t>(c - '0');
    }
    return mode;
}

std::optional<std::string> check_account_name(std::string_view name)
{
    const bool ok = !name.empty() && name.size() <= 31 &&
                    ((name.front() >= 'a' && name.front() <= 'z') || name.front() == '_') &&
                    std::ranges::all_of(name, [](char c) {
                        return is_lower_alnum(c) || c == '_' || c == '-';
                    });
    if (!ok)
    {
        return "a system account name is a lower-case letter or '_', then lower-case letters, "
               "digits, '_' or '-', at most 31 characters (useradd(8), sysusers.d(5))";
    }
    return std::nullopt;
}

bool is_unit_name(std::string_view name)
{
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == ':' || c == '_' || c == '.' || c == '-' || c == '@';
    };
    return !name.empty() && name.size() <= 255 && std::ranges::all_of(name, allowed) &&
           std::ranges::count(name, '@') <= 1 && name.front() != '.';
}

} // namespace pydeb::spec
