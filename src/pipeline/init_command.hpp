// `pydeb init DIR`: a starter pydeb.yaml for a PEP 621 project, its defaults shown as comments.
#pragma once

#include "util/expected.hpp"

#include <filesystem>

namespace pydeb::pipeline
{

// Writes DIR/pydeb.yaml (never over an existing one) and prints its path. What pyproject.toml
// gives is commented out (it is the default already; uncomment a line to override it); a key
// the package needs that the project does not give is written active, empty, to be filled in.
[[nodiscard]] Expected<void> init(const std::filesystem::path& dir);

} // namespace pydeb::pipeline
