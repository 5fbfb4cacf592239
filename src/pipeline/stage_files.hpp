// Stage the spec's extra files (files:) into the staging root, and the spec → package model.
#pragma once

#include "package/model.hpp"
#include "python/tags.hpp"
#include "spec/spec.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace pydeb::pipeline
{

// Copy each files: entry to ROOT/DEST with its mode. Refuses a destination inside the venv prefix
// (the installer owns it) or one that already exists in the stage, naming the spec line.
[[nodiscard]] Expected<void> stage_extra_files(const spec::Spec& spec,
                                               const std::filesystem::path& root);

// Absolute target paths of the files the spec marks config: true.
[[nodiscard]] std::vector<std::string> config_paths(const spec::Spec& spec);

// Debian and rpm architecture names for the interpreter's machine (a venv is arch-specific:
// it links the target's interpreter and may carry compiled extensions).
[[nodiscard]] Expected<std::string> debian_architecture(const std::string& machine);
[[nodiscard]] std::string rpm_architecture(const std::string& machine);

// The format-neutral package model for this spec, without entries and relations (later stages
// add those). Hook files are read here, so a missing hook fails before anything is written.
[[nodiscard]] Expected<package::PackageInfo> package_info(const spec::Spec& spec,
                                                          const python::InterpreterFacts& facts);

} // namespace pydeb::pipeline
