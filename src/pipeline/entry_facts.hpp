// What the staged tree cannot tell the writers: which files hold bytes from the installed-wheel
// cache, and which time a build without SOURCE_DATE_EPOCH is stamped with.
#pragma once

#include "install/install_stage.hpp"
#include "package/model.hpp"
#include "pipeline/prepare.hpp"
#include "resolve/resolve.hpp"

#include <cstdint>
#include <vector>

namespace pydeb::pipeline
{

// SOURCE_DATE_EPOCH for a build that was given none: the newest mtime among the inputs whose
// bytes make the package (the spec, hook scripts, `files:` sources, `unit:` files and every wheel
// but the project's own, which is built now). A requirements file or lockfile only chooses wheels, so
// writing a lock changes nothing. Two builds of the same inputs are thus the same bytes by
// default, as dpkg-buildpackage builds are with the changelog's date; set SOURCE_DATE_EPOCH to
// choose another time.
[[nodiscard]] std::int64_t inputs_epoch(const Prepared& prepared,
                                        const resolve::Resolution& resolution);

// Entries placed from wheel cache entries get the cache's name for their bytes
// (Entry::content_key) and the mtime of a file installed at `installed_at`: a fresh install's
// files are as new as the build, whatever the age of the cache entry they are linked from, so
// the package does not depend on the cache's history.
void mark_cached_entries(std::vector<package::Entry>& entries,
                         const std::vector<install::CachedWheelFiles>& cached,
                         std::int64_t installed_at);

} // namespace pydeb::pipeline
