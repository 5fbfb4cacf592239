// One venv per Python the packages of a build need (pydeb(1) TARGETS): the prepared
// interpreter's, and each target release's own python3.X (target_plan.hpp).
#pragma once

#include "package/model.hpp"
#include "pipeline/map_stage.hpp"
#include "pipeline/prepare.hpp"
#include "pipeline/target_plan.hpp"
#include "resolve/resolve.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace pydeb::pipeline
{

// One venv, resolved for its Python's tags and markers, installed, collected and scanned once,
// and shared by the packages of that Python.
struct PythonStage
{
    python::InterpreterFacts python;
    std::vector<std::size_t> builds; // indexes into the builds this venv serves
    resolve::Resolution resolution;
    StagedObjects staged;
    package::PackageInfo info; // package_info for this Python, with the stage's entries
};

// The builds grouped by the X.Y of their Python, in the order the builds name them.
[[nodiscard]] std::vector<PythonStage> python_stages(const Prepared& prepared,
                                                     const std::vector<TargetBuild>& builds);

// Whether stage_python collects the entries into `info` (build), or only scans (deps).
enum class Collect
{
    no,
    yes,
};

// Resolve and install one PythonStage into `root`, then scan it. Errors about a target release's
// Python name the targets and the Python. `started`: the build's start (mark_cached_entries).
[[nodiscard]] Expected<void> stage_python(const Prepared& prepared,
                                          const std::vector<TargetBuild>& builds,
                                          PythonStage& stage, const std::filesystem::path& root,
                                          std::int64_t started, Collect collect);

// The first stage's root is "root" in the scratch directory; another Python's, "root-python3.9".
[[nodiscard]] std::filesystem::path stage_root(const Prepared& prepared,
                                               const std::vector<PythonStage>& stages,
                                               const PythonStage& stage);

} // namespace pydeb::pipeline
