// Debian version comparison (Debian Policy §5.6.12; dpkg lib/dpkg/version.c verrevcmp): epoch
// numerically, then upstream version and revision with '~' sorting before everything, letters
// before other characters, and digit runs compared numerically.
#pragma once

#include <string_view>

namespace pydeb::depmap
{

// <0, 0 or >0 as a sorts before, equal to, or after b.
[[nodiscard]] int compare_debian_versions(std::string_view a, std::string_view b);

} // namespace pydeb::depmap
