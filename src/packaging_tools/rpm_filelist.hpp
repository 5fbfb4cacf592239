// The rpmbuild side of `pydeb install`: a file list for "%files -f" and the Requires that the
// pydeb dependency generator (rpm/fileattrs/pydeb.attr) hands to rpmbuild.
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pydeb::packaging_tools
{

// One "%files" line per entry, after "%defattr(-,root,root,-)" (the staging tree may belong to an
// unprivileged builder):
//   %dir "/opt/venvs/app"                  owned directories (shared system ones are left out)
//   %config(noreplace) "/etc/app/app.conf" ConfigFile::yes
//   "/opt/venvs/app/bin/python"            files and symlinks
// rpm expands macros and globs in these lines even when quoted, and backslash escapes do not
// work there (checked with rpmbuild 4.18), so '%' becomes "%%", '*', '?', '[' become bracket
// expressions and '{', '}', '"', '\' (which no bracket expression can hold under GLOB_BRACE)
// become '?'; a path whose '?' could then match another entry is refused. Newlines are refused.
[[nodiscard]] Expected<std::string> render_rpm_filelist(const std::vector<package::Entry>& entries);

// Escapes one path for a %files line (see above), without the ambiguity check.
[[nodiscard]] std::string rpm_files_pattern(std::string_view path);

// One relation per line, sorted and de-duplicated: what the generator prints to rpmbuild.
[[nodiscard]] std::string render_rpm_requires(const std::vector<std::string>& requires_);

} // namespace pydeb::packaging_tools
