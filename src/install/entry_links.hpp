// Put chosen entry points on the system PATH: STAGE/usr/bin/NAME -> PREFIX/bin/NAME (absolute
// symlinks, resolved on the target system), so `app` runs the venv's launcher.
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace pydeb::install
{

// Refuses a name that is not an existing file in STAGE/PREFIX/bin, or that is not a plain name.
// Returns the links created, relative to the stage root ("usr/bin/app").
[[nodiscard]] Expected<std::vector<std::filesystem::path>>
link_entry_points(const std::filesystem::path& stage_root, const std::filesystem::path& prefix,
                  const std::vector<std::string>& names, const std::string& scripts = "bin");

} // namespace pydeb::install
