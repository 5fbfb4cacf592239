// The words of a stage's status line, from its counters.
#pragma once

#include "util/progress.hpp"

#include <string>

namespace pydeb::cli
{

// "install     12/40 wheels, 1203 files compiled  1.4 s": the stage, then each counter that is
// not zero, then the time. Sizes in binary units (KiB, MiB), one decimal.
[[nodiscard]] std::string describe(const util::StageSnapshot& stage);

} // namespace pydeb::cli
