// libsolv problems -> sentences a person can act on, naming the requirement chain:
//   "flask<2 requested, but the wheelhouse has only Flask 2.2.2"
//   "jinja2 3.1.2 requires markupsafe>=2.0, but markupsafe<2 was requested"
//   "nothing in the wheelhouse provides foo (required by bar 1.0 via app 1.0)"
#pragma once

#include "adapters/solv/solver.hpp"
#include "resolve/model.hpp"

#include <string>
#include <vector>

namespace pydeb::resolve
{

// One sentence per distinct cause, over every problem the solver found.
[[nodiscard]] std::vector<std::string> explain_problems(Model& model,
                                                        const adapters::solv::ObjSolver& solver);

} // namespace pydeb::resolve
