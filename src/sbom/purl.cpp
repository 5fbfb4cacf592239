#include "sbom/purl.hpp"

#include "python/name.hpp"

#include <cctype>
#include <cstdio>

namespace pydeb::sbom
{

std::string percent_encode(std::string_view text)
{
    std::string out;
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~')
        {
            out += c;
            continue;
        }
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
        out += escaped;
    }
    return out;
}

std::string pypi_purl(std::string_view name, std::string_view version)
{
    return "pkg:pypi/" + percent_encode(python::normalize_name(name)) + "@" +
           percent_encode(version);
}

std::string deb_purl(std::string_view name, std::string_view architecture)
{
    return "pkg:deb/debian/" + percent_encode(name) + "?arch=" + percent_encode(architecture);
}

} // namespace pydeb::sbom
