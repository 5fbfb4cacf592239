// `pydeb explain SPEC [WHAT]`: the resolve, install and map stages of a build, without writing a
// package, and explain/'s reading of what they produced.
#pragma once

#include "pipeline/run.hpp"

#include <optional>
#include <string>

namespace pydeb::pipeline
{

enum class ExplainOutput
{
    text,
    json, // --json, for tools
};

struct ExplainRequest
{
    std::filesystem::path spec;
    SpecContext context;
    std::optional<std::string> what; // a system package or soname, or a distribution
    ExplainOutput output = ExplainOutput::text;
};

[[nodiscard]] Expected<void> explain(const ExplainRequest& request, util::Progress& progress);

} // namespace pydeb::pipeline
