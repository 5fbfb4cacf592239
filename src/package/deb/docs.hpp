// Files a Debian binary package must carry that the staging tree usually lacks: the copyright
// file and changelog Debian Policy 12.5 and 12.7 require, and lintian overrides for the checks that
// are wrong for a self-contained virtualenv.
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <string>
#include <vector>

namespace pydeb::package::deb
{

struct GeneratedFile
{
    std::string path; // absolute target path
    std::string contents;
};

// Generated files, skipping any path info.entries already provides (the user's own copyright or
// changelog wins):
//   /usr/share/doc/NAME/copyright                 (Policy 12.5)
//   /usr/share/doc/NAME/changelog.Debian.gz       (Policy 12.7; changelog.gz without a revision)
//   /usr/share/lintian/overrides/NAME             (only when an override applies)
// The changelog date is SOURCE_DATE_EPOCH, or now without it.
[[nodiscard]] Expected<std::vector<GeneratedFile>> generated_files(const PackageInfo& info);

// RFC 5322 date as Debian changelogs write it: "Thu, 01 Jan 1970 00:00:00 +0000" (UTC, C locale).
[[nodiscard]] std::string changelog_date(std::int64_t seconds);

} // namespace pydeb::package::deb
