// Build the application's own wheel with the TARGET interpreter's pip, offline and without build
// isolation (the build backend must already be installed for that interpreter):
//   python -m pip wheel --no-deps --no-build-isolation --no-index -w OUT COPY
// COPY is a private copy of the project directory inside the build's scratch directory: build
// backends write into the tree they build (setuptools' build/ and *.egg-info), so builds running
// at once from one tree would race there, and a read-only tree could not be built at all. The
// copy leaves out what pip's own copy of a source tree left out (.tox, .nox: pip 20.x,
// `_copy_source_tree`) and keeps every file's mtime, so the wheel is the same as an in-tree one.
#pragma once

#include "python/tags.hpp"
#include "util/expected.hpp"

#include <filesystem>

namespace pydeb::install
{

// Returns the path of the wheel pip wrote into out_dir (which holds the copy too). On failure the
// error carries pip's output. A wheel that holds no module or package of the project, only its
// metadata (a package-discovery mistake builds such wheels without an error), is an error.
[[nodiscard]] Expected<std::filesystem::path>
build_project_wheel(const std::filesystem::path& project_dir, const python::InterpreterFacts& facts,
                    const std::filesystem::path& out_dir);

} // namespace pydeb::install
