// Bytecode for the installed environment, compiled by the TARGET interpreter (the .pyc magic
// number must match it) with the final paths embedded (wheel-install.md I.26):
//   python -m compileall -q -f -j0 --invalidation-mode checked-hash -s STAGE -p / SITE-PACKAGES
// checked-hash, because packagers clamp mtimes (SOURCE_DATE_EPOCH) and a timestamp pyc would
// then be either stale or rewritten on the target.
#pragma once

#include "install/layout.hpp"
#include "python/tags.hpp"
#include "util/expected.hpp"

#include <string>
#include <vector>

namespace pydeb::install
{

// Files that fail to compile (Python 2 test files in some wheels) are reported in warnings and
// do not fail the install, as pip does; an interpreter that cannot run is an error.
[[nodiscard]] Expected<void> compile_bytecode(const Layout& layout,
                                              const python::InterpreterFacts& facts,
                                              std::vector<std::string>& warnings);

} // namespace pydeb::install
