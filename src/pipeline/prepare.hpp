// The steps every command shares: load the spec, ask the target interpreter about itself, build
// the project's own wheel, and resolve the exact wheel set.
#pragma once

#include "python/tags.hpp"
#include "resolve/resolve.hpp"
#include "spec/load.hpp"
#include "util/expected.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <optional>

namespace pydeb::pipeline
{

struct Prepared
{
    spec::Spec spec;
    python::InterpreterFacts facts;
    util::TempDir scratch; // the project's wheel, the staging root of a build
    std::vector<python::Requirement> requirements; // top-level, in spec order
};

// Loads the spec and queries the interpreter; builds the project wheel when install.project is set.
[[nodiscard]] Expected<Prepared> prepare(const std::filesystem::path& spec_path,
                                         const spec::Defaults& defaults = {});

// The wheelhouses the resolver sees: the spec's, plus the freshly built project wheel.
[[nodiscard]] std::vector<std::filesystem::path> wheelhouses(const Prepared& prepared);

// Resolves the requirements against the wheelhouses for the target interpreter.
[[nodiscard]] Expected<resolve::Resolution> resolve_wheels(const Prepared& prepared);

} // namespace pydeb::pipeline
