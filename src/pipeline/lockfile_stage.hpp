// The resolve stage with the lockfile: a present lock is used exactly (resolve_locked fails
// loudly on a missing wheel or a changed hash); without one, libsolv resolves afresh.
#pragma once

#include "pipeline/prepare.hpp"
#include "resolve/resolve.hpp"

namespace pydeb::pipeline
{

// The exact wheel set, sorted by normalized name, the project's own wheel included. A lock that
// was made for other requirements than the spec's is refused: run `pydeb lock` again.
[[nodiscard]] Expected<resolve::Resolution> resolve_or_lock(const Prepared& prepared);

// The same for `python`, a target release's python3.X (target_plan.hpp) or prepared.facts. A
// Python other than prepared.facts has its own lock beside the spec's (lockfile_for): its markers
// and tags may call for other wheels. Without that lock while the spec's exists, the build is
// refused (run `pydeb lock`); without either, it resolves afresh.
[[nodiscard]] Expected<resolve::Resolution> resolve_or_lock(const Prepared& prepared,
                                                            const python::InterpreterFacts& python);

// The lock of `python`: `lockfile` itself for prepared.facts' X.Y, else the same name with
// ".pythonX.Y" before its extension (pydeb.lock → pydeb.python3.9.lock).
[[nodiscard]] std::filesystem::path lockfile_for(const Prepared& prepared,
                                                 const std::filesystem::path& lockfile,
                                                 const python::InterpreterFacts& python);

// `pydeb lock --upgrade [NAME...]`: nullopt keeps each distribution of an existing lock at its
// version where it still fits; an empty list moves every one; names move only those.
using Upgrade = std::optional<std::vector<std::string>>;

// Resolves and writes the lock to `path`. The project's own wheel is not locked: it is rebuilt
// from source by every build.
[[nodiscard]] Expected<void> write_lock(const Prepared& prepared, const std::filesystem::path& path,
                                        const Upgrade& upgrade);
// The same for `python` (a target release's python3.X), into `path`.
[[nodiscard]] Expected<void> write_lock(const Prepared& prepared,
                                        const python::InterpreterFacts& python,
                                        const std::filesystem::path& path, const Upgrade& upgrade);

} // namespace pydeb::pipeline
