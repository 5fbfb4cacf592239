// pip requirements files ("Requirements File Format" in pip's user guide), the subset that
// names what to install: one PEP 508 requirement per line, `#` comments, `\` line
// continuations, and `-r FILE` / `--requirement FILE` includes resolved relative to the including
// file. Options that change where or how pip fetches (--index-url, -f, -e, -c, --hash, ...) are
// refused: pydeb resolves from the wheelhouse alone, and silently ignoring them would build
// something other than what the file says.
#pragma once

#include "python/requirement.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace pydeb::resolve
{

// Errors read FILE:LINE: message (the line where a continued requirement starts).
[[nodiscard]] Expected<std::vector<python::Requirement>>
read_requirements_file(const std::filesystem::path& path);

// The same, from text already in memory (`where` names it in messages; includes are resolved
// relative to `base`).
[[nodiscard]] Expected<std::vector<python::Requirement>>
parse_requirements(std::string_view text, const std::filesystem::path& where,
                   const std::filesystem::path& base);

} // namespace pydeb::resolve
