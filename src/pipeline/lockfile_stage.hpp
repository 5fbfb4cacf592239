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

// `pydeb lock --upgrade [NAME...]`: nullopt keeps each distribution of an existing lock at its
// version where it still fits; an empty list moves every one; names move only those.
using Upgrade = std::optional<std::vector<std::string>>;

// Resolves and writes the lock to `path`. The project's own wheel is not locked: it is rebuilt
// from source by every build.
[[nodiscard]] Expected<void> write_lock(const Prepared& prepared, const std::filesystem::path& path,
                                        const Upgrade& upgrade);

} // namespace pydeb::pipeline
