// Build the application's own wheel with the TARGET interpreter's pip, offline and without build
// isolation (the build backend must already be installed for that interpreter):
//   python -m pip wheel --no-deps --no-build-isolation --no-index -w OUT PROJECT
#pragma once

#include "python/tags.hpp"
#include "util/expected.hpp"

#include <filesystem>

namespace pydeb::install
{

// Returns the path of the wheel pip wrote into out_dir. On failure the error carries pip's output.
[[nodiscard]] Expected<std::filesystem::path>
build_project_wheel(const std::filesystem::path& project_dir, const python::InterpreterFacts& facts,
                    const std::filesystem::path& out_dir);

} // namespace pydeb::install
