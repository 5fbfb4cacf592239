// The install stage through the installed-wheel cache (wheel_cache.hpp). Every wheel becomes an
// entry: found by its key, or installed into a scratch directory of the cache, stripped and
// byte-compiled there (one strip and one compiler run for all new entries, like a fresh install
// has), and renamed into place. Then the entries are placed into the stage (materialize.hpp) with
// their owner-map claims, and their warnings replayed.
#pragma once

#include "install/install_stage.hpp"
#include "install/owner_map.hpp"
#include "install/wheel_cache.hpp"
#include "python/tags.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::install
{

struct CachedInstall
{
    const WheelCache& cache;
    const Layout& stage;                                  // the real stage, its venv created
    const std::vector<std::filesystem::path>& venv_files; // create_venv's, stage-relative
    const InstallRequest& request;
    const python::TagPriority& supported;
    std::string_view launcher_template;
};

struct CachedWheels
{
    std::vector<CacheEntry> entries;     // in request order
    std::vector<CacheScratch> scratches; // entries the cache could not take are served from here
};

// nullopt when some wheel could not be installed into the cache (a hostile wheel, a full disk):
// nothing from a failed install is cached, and the caller installs every wheel straight into the
// stage, which reports the wheel's error as it always has.
[[nodiscard]] Expected<std::optional<CachedWheels>>
prepare_cached_wheels(const CachedInstall& install);

// Place the entries into the stage: distributions and install warnings go to `report`, the
// byte-compiler's warnings to `bytecode_warnings`.
[[nodiscard]] Expected<void> place_cached_wheels(const CachedInstall& install,
                                                 const CachedWheels& wheels, OwnerMap& owners,
                                                 InstallReport& report,
                                                 std::vector<std::string>& bytecode_warnings);

} // namespace pydeb::install
