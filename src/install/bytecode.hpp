// Bytecode for the installed environment, compiled by the TARGET interpreter (the .pyc magic
// number must match it) with the final paths embedded (PEP 552 checked-hash .pyc). The bytes and paths
// are those of
//   python -m compileall -q -f --invalidation-mode checked-hash -s STAGE -p / SITE-PACKAGES
// (checked-hash, because packagers clamp mtimes (SOURCE_DATE_EPOCH) and a timestamp pyc would
// then be either stale or rewritten on the target), but from our own driver
// (compile_driver.py.inc), given the exact files to compile: only those of wheels the cache did
// not have, and without compileall's process-pool start-up.
#pragma once

#include "install/layout.hpp"
#include "python/tags.hpp"
#include "util/expected.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace pydeb::install
{

struct CompileJob
{
    std::filesystem::path source;     // where the .py is now (the .pyc goes to its __pycache__)
    std::filesystem::path final_path; // where it will be installed: the .pyc's co_filename
};

struct CompileFailure
{
    std::size_t job = 0; // index into the jobs
    std::string message; // what compileall prints for it
};

// The files compileall compiles under the layout's purelib and platlib: every "*.py" that is a
// file, in directories other than __pycache__, not descending into symlinked directories.
[[nodiscard]] std::vector<CompileJob> python_sources(const Layout& layout);
// The same walk of any directory, whose files will be installed under final_directory.
[[nodiscard]] std::vector<CompileJob>
python_sources_in(const std::filesystem::path& directory,
                  const std::filesystem::path& final_directory);

// Files that fail to compile (Python 2 test files in some wheels) are returned and stay source
// only, as pip and compileall do; an interpreter that cannot run is an error.
[[nodiscard]] Expected<std::vector<CompileFailure>>
compile_bytecode(const python::InterpreterFacts& facts, const std::vector<CompileJob>& jobs,
                 unsigned workers = 0);

// The warning for a file that did not compile.
[[nodiscard]] std::string describe_compile_failure(const CompileJob& job,
                                                   const CompileFailure& failure);

// The Python source of the driver (for the cache key).
[[nodiscard]] std::string_view compile_driver_source();

} // namespace pydeb::install
