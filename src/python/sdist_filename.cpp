#include "python/sdist_filename.hpp"

#include "python/name.hpp"

namespace pydeb::python
{

namespace
{

constexpr std::string_view k_tar_gz = ".tar.gz";
constexpr std::string_view k_zip = ".zip";

} // namespace

std::optional<SdistFormat> sdist_format(std::string_view filename)
{
    if (filename.size() > k_tar_gz.size() && filename.ends_with(k_tar_gz))
    {
        return SdistFormat::tar_gz;
    }
    if (filename.size() > k_zip.size() && filename.ends_with(k_zip))
    {
        return SdistFormat::zip;
    }
    return std::nullopt;
}

Expected<SdistFilename> parse_sdist_filename(std::string_view filename, std::string_view project)
{
    const auto format = sdist_format(filename);
    if (!format)
    {
        return fail("'" + std::string(filename) +
                    "' is not a source distribution's name (NAME-VERSION.tar.gz or .zip)");
    }
    const std::string_view stem = filename.substr(
        0, filename.size() - (*format == SdistFormat::tar_gz ? k_tar_gz : k_zip).size());
    std::size_t separator = std::string_view::npos;
    if (project.empty())
    {
        separator = stem.rfind('-');
    }
    else
    {
        for (std::size_t i = stem.find('-'); i != std::string_view::npos; i = stem.find('-', i + 1))
        {
            if (normalize_name(stem.substr(0, i)) == project)
            {
                separator = i;
                break;
            }
        }
    }
    if (separator == std::string_view::npos || separator == 0 || separator + 1 == stem.size())
    {
        return fail("'" + std::string(filename) + "' does not split into NAME-VERSION" +
                    (project.empty() ? std::string() : " with NAME " + std::string(project)));
    }
    const std::string_view name = stem.substr(0, separator);
    if (!is_valid_project_name(name))
    {
        return fail("'" + std::string(filename) + "': '" + std::string(name) +
                    "' is not a valid project name (PEP 508)");
    }
    auto version = Version::parse(stem.substr(separator + 1));
    if (!version)
    {
        return fail("'" + std::string(filename) + "': " + version.error().message);
    }
    return SdistFilename{std::string(name), normalize_name(name), std::move(*version), *format};
}

} // namespace pydeb::python
