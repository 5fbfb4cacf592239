// The dependency on the interpreter the bundled venv runs on. The venv's bin/python is a symlink
// to a host interpreter such as /usr/bin/python3.11, and its compiled extensions carry that
// interpreter's ABI (cp311), so the package needs exactly that X.Y:
// - Debian: the package `pythonX.Y` when installed (it pulls the -minimal interpreter that owns
//   the binary and libpythonX.Y-stdlib; -minimal alone lacks most of the standard library).
//   Not `python3 (>= X.Y)`: the python3 default may move to X.Y+1 while the venv still needs X.Y.
//   Falls back to the owner of the interpreter file (dpkg -S) for non-standard names.
// - RPM: `python(abi) = X.Y`, the capability Fedora's python3 provides for its ABI (what rpm's
//   pythondistdeps generates for files under pythonX.Y/site-packages).
#pragma once

#include "depmap/dpkg_database.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::depmap
{

// "3.11" from /usr/bin/python3.11, following symlinks below root (python3 -> python3.11).
[[nodiscard]] std::optional<std::string> python_x_y(const std::filesystem::path& interpreter,
                                                    const std::filesystem::path& root = "/");

struct InterpreterRelation
{
    std::vector<std::string> relations;
    std::string detail; // how it was found, for `pydeb deps`
};

[[nodiscard]] Expected<InterpreterRelation>
debian_interpreter_relation(const DpkgDatabase& database, const std::filesystem::path& interpreter);

[[nodiscard]] Expected<InterpreterRelation>
rpm_interpreter_relation(const std::filesystem::path& interpreter,
                         const std::filesystem::path& root = "/");

} // namespace pydeb::depmap
