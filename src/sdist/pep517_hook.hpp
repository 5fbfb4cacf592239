// One call of a PEP 517 build backend hook through pydeb's hook driver,
// templates/sdist/build_hook.py (after pyproject_hooks' _in_process.py):
//   python build_hook.py HOOK BACKEND RESULT_FILE WHEEL_DIRECTORY [BACKEND_PATH...]
// run with the project tree as its working directory. Both PEP 517 builds go through it: an
// sdist's (builder.hpp, in its isolated environment) and the application's own project tree
// (project_wheel.hpp, with the build host's backend).
#pragma once

#include "spec/pyproject.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::sdist
{

// Writes the hook driver into `directory`; returns its path.
[[nodiscard]] Expected<std::filesystem::path> write_hook_driver(const std::filesystem::path& directory);

// The driver's command line after the interpreter: the hook, the backend, where the hook's
// return value goes, the wheel directory and the backend-path entries (PEP 517: relative to the
// project root).
[[nodiscard]] std::vector<std::string>
hook_arguments(const std::filesystem::path& driver, std::string_view hook,
               const spec::BuildSystem& system, const std::filesystem::path& project,
               const std::filesystem::path& result_file, const std::filesystem::path& wheel_dir);

// The wheel build_wheel says it wrote (its return value, PEP 517: the basename of a file in the
// wheel directory). `where` names the build in the error.
[[nodiscard]] Expected<std::filesystem::path> returned_wheel(std::string_view result,
                                                             const std::filesystem::path& wheel_dir,
                                                             const std::string& where,
                                                             const std::string& backend);

// The driver's exit status when the backend cannot be imported (pyproject_hooks'
// BackendUnavailable); the last line of its stderr is the import error.
inline constexpr int k_backend_unavailable = 3;

// How many lines of the backend's output a failed build shows.
inline constexpr std::size_t k_output_tail_lines = 20;

// The last `lines` lines of `output` (all of it when shorter).
[[nodiscard]] std::string tail_lines(std::string_view output, std::size_t lines);

} // namespace pydeb::sdist
