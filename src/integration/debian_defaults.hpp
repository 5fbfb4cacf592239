// Spec defaults from a Debian source package, for dh_pydeb: a spec under debian/ may leave out
// name, version, release, summary, description, maintainer and homepage, because debian/control
// and debian/changelog already say them (and dpkg-gencontrol writes the real control file from
// those anyway).
#pragma once

#include "integration/changelog.hpp"
#include "integration/deb822.hpp"
#include "spec/load.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace pydeb::integration
{

// Pure: the source paragraph is control[0] (Debian Policy 5.2); `package` must have a binary
// paragraph. name = package, version = upstream part of the changelog version, release = its
// Debian revision (none for a native version), summary/description = the binary Description's
// synopsis and extended text (Policy 5.6.13: " ." lines are blank lines), maintainer = the source
// Maintainer, homepage = the binary's Homepage, else the source's.
[[nodiscard]] Expected<spec::Defaults> debian_defaults(const std::vector<Paragraph>& control,
                                                       const ChangelogEntry& changelog,
                                                       std::string_view package);

// Reads SOURCE_DIR/debian/control and SOURCE_DIR/debian/changelog, then debian_defaults().
[[nodiscard]] Expected<spec::Defaults> read_debian_defaults(const std::filesystem::path& source_dir,
                                                            std::string_view package);

// Policy 5.6.13 extended description → plain text: one leading space removed from each line,
// " ." lines become empty lines.
[[nodiscard]] std::string unfold_extended_description(std::string_view extended);

} // namespace pydeb::integration
