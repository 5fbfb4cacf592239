// The install stage: the resolved wheels become the venv at its final prefix inside a root.
#pragma once

#include "pipeline/prepare.hpp"
#include "resolve/resolve.hpp"

#include <filesystem>
#include <string>

namespace pydeb::pipeline
{

[[nodiscard]] Expected<void> stage_venv(const Prepared& prepared,
                                        const resolve::Resolution& resolution,
                                        const std::filesystem::path& root);

// "build", "install" or "none", as the spec spells it (for substvars).
[[nodiscard]] std::string bytecode_name(const spec::Spec& spec);

} // namespace pydeb::pipeline
