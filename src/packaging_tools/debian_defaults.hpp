// Spec defaults from a Debian source package, for dh_pydeb: a spec under debian/ may leave out
// name, version, release, summary, description, maintainer and homepage, because debian/control
// and debian/changelog already say them (and dpkg-gencontrol writes the real control file from
// those anyway).
#pragma once

#include "packaging_tools/changelog.hpp"
#include "packaging_tools/deb822.hpp"
#include "spec/load.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::packaging_tools
{

// Pure: the source paragraph is control[0] (Debian Policy 5.2); `package` must have a binary
// paragraph. name = package, version = upstream part of the changelog version, release = its
// Debian revision (none for a native version), summary/description = the binary Description's
// synopsis and extended text (Policy 5.6.13: " ." lines are blank lines), maintainer = the source
// Maintainer, homepage = the binary's Homepage, else the source's.
[[nodiscard]] Expected<spec::Defaults> debian_defaults(const std::vector<Paragraph>& control,
                                                       const ChangelogEntry& changelog,
                                                       std::string_view package);

// The license of a machine-readable debian/copyright (DEP-5, copyright-format 1.0): the first line
// (synopsis) of the License field of the "Files: *" paragraph, the one that covers the package as
// a whole. Nothing for a copyright file that is not machine-readable (no Format field in its
// first paragraph) or has no "Files: *" paragraph. `origin` names the file in messages.
[[nodiscard]] Expected<std::optional<std::string>> copyright_license(std::string_view text,
                                                                     std::string_view origin);

// Reads SOURCE_DIR/debian/control and SOURCE_DIR/debian/changelog, then debian_defaults(); the
// license from SOURCE_DIR/debian/copyright when it is machine-readable (copyright_license()).
// Relative paths in the spec resolve against SOURCE_DIR, and the header keys are optional:
// dh_gencontrol writes the control file.
[[nodiscard]] Expected<spec::Defaults> read_debian_defaults(const std::filesystem::path& source_dir,
                                                            std::string_view package);

// Policy 5.6.13 extended description → plain text: one leading space removed from each line,
// " ." lines become empty lines.
[[nodiscard]] std::string unfold_extended_description(std::string_view extended);

} // namespace pydeb::packaging_tools
