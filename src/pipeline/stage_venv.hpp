// The install stage: the resolved wheels become the venv at its final prefix inside a root.
#pragma once

#include "install/install_stage.hpp"
#include "install/install_options.hpp"
#include "pipeline/prepare.hpp"
#include "resolve/resolve.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::pipeline
{

struct StageVenvOptions
{
    // The installed-wheel cache (install/wheel_cache.hpp); nullopt: every wheel installed afresh.
    std::optional<std::filesystem::path> wheel_cache;
    // hardlink only for a private scratch root nothing edits in place (`pydeb build`); copy for a
    // root that debhelper or rpmbuild work on afterwards (`pydeb install`).
    install::LinkMode link_mode = install::LinkMode::copy;
};

// The wheel cache is the store's CacheKind::wheels (nullopt under --no-cache); its files are
// hard-linked when `root` is inside pydeb's own scratch directory (build, deps), copied otherwise
// (install: dh_fixperms, dh_strip and rpmbuild's scripts edit that root in place).
[[nodiscard]] StageVenvOptions default_stage_venv_options(const Prepared& prepared,
                                                          const std::filesystem::path& root);

// The venv for `python` (prepared.facts, or a target release's python3.X: target_plan.hpp).
// Returns the files placed from the wheel cache (see mark_cached_entries in entry_facts.hpp).
// Counts wheels placed and files compiled in prepared.progress.
[[nodiscard]] Expected<std::vector<install::CachedWheelFiles>>
stage_venv(const Prepared& prepared, const python::InterpreterFacts& python,
           const resolve::Resolution& resolution, const std::filesystem::path& root,
           const StageVenvOptions& options);

// With default_stage_venv_options(prepared, root).
[[nodiscard]] Expected<std::vector<install::CachedWheelFiles>>
stage_venv(const Prepared& prepared, const python::InterpreterFacts& python,
           const resolve::Resolution& resolution, const std::filesystem::path& root);

// For prepared.facts, with default_stage_venv_options(prepared, root).
[[nodiscard]] Expected<std::vector<install::CachedWheelFiles>>
stage_venv(const Prepared& prepared, const resolve::Resolution& resolution,
           const std::filesystem::path& root);

// The bytecode a venv for `python` gets: the spec's, except that a Python the build host cannot
// run (a target release's, python::FactsSource::release_packages) is compiled when the package
// is installed (postinst; prerm removes it), as Debian Python Policy's "Module Byte-Compilation"
// has packages do for the Python versions of the target (py3compile).
[[nodiscard]] spec::Bytecode venv_bytecode(const spec::Spec& spec,
                                           const python::InterpreterFacts& python);

// "build", "install" or "none", as the spec spells it (for substvars).
[[nodiscard]] std::string bytecode_name(const spec::Spec& spec);

} // namespace pydeb::pipeline
