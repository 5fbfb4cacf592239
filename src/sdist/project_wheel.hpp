// The application's own wheel, built from its project tree (install.project) by PEP 517 with the
// build host's backend, offline and without an isolated environment (the backend, e.g.
// setuptools, must be installed for the interpreter that builds): the build_wheel hook through
// pydeb's hook driver (pep517_hook.hpp), as `pip wheel --no-deps --no-build-isolation` calls it,
// without starting pip (0.75 s of CPU a build; the hook alone takes 0.25 s for examples/hello).
// The backend is the project's [build-system] build-backend, setuptools' legacy one without it
// (PEP 517's fallback, as pip's).
//
// It builds in a private copy of the project directory inside the build's scratch directory:
// build backends write into the tree they build (setuptools' build/ and *.egg-info), so builds
// running at once from one tree would race there, and a read-only tree could not be built at all.
// The copy leaves out what pip's own copy of a source tree left out (.tox, .nox: pip 20.x,
// `_copy_source_tree`) and keeps every file's mtime, so the wheel is the same as an in-tree one.
#pragma once

#include "python/tags.hpp"
#include "util/expected.hpp"

#include <filesystem>

namespace pydeb::sdist
{

// Returns the wheel the backend wrote into out_dir/wheel (out_dir holds the copy too). On failure
// the error names the backend and the hook and carries the last lines of its output. A wheel
// that holds no module or package of the project, only its metadata (a package-discovery mistake
// builds such wheels without an error), is an error.
[[nodiscard]] Expected<std::filesystem::path>
build_project_wheel(const std::filesystem::path& project_dir, const python::InterpreterFacts& facts,
                    const std::filesystem::path& out_dir);

} // namespace pydeb::sdist
