// Source distribution file names: PEP 625 (`{name}-{version}.tar.gz`, the name normalized with
// '_' as a wheel's is, so the one '-' separates name and version) and the legacy names older
// tools wrote (`Foo-Bar-1.0.zip`), which only split given the project they belong to, as pip's
// package finder splits them (pip/_internal/index/package_finder.py, _find_name_version_sep).
// Pure: no I/O.
#pragma once

#include "python/version.hpp"
#include "util/expected.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pydeb::python
{

enum class SdistFormat
{
    tar_gz, // PEP 625 and the source distribution format specification: .tar.gz
    zip,    // legacy, still served by indexes for old projects
};

// The archive format the file name says, or nullopt for a name that is no sdist.
[[nodiscard]] std::optional<SdistFormat> sdist_format(std::string_view filename);

struct SdistFilename
{
    std::string name;       // as in the file name ("Foo-Bar", "foo_bar")
    std::string normalized; // PEP 503 ("foo-bar")
    Version version;
    SdistFormat format;
};

// With `project` (a PEP 503 normalized name), the name part is the shortest prefix before a '-'
// that normalizes to it (pip's rule, which takes legacy names with '-' in them); without, the
// last '-' splits the name (the PEP 625 form). The version must be a PEP 440 version. Errors say
// what is wrong with the name.
[[nodiscard]] Expected<SdistFilename> parse_sdist_filename(std::string_view filename,
                                                           std::string_view project = {});

} // namespace pydeb::python
