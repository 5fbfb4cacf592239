// The one way wheels are installed (wheel_cache.hpp). Every wheel becomes an entry: found by its
// key, or installed into a scratch directory of the store, stripped and byte-compiled there (one
// strip and one compiler run for all new entries), and renamed into place. Then the entries are
// placed into the stage (materialize.hpp) with their owner-map claims, and their warnings
// replayed. Without a cache the store is a temporary directory beside the stage whose entries are
// never published: the same code, nothing kept.
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

// Whether new entries outlive the build.
enum class EntryKeeping
{
    publish,    // the user's cache: renamed into place, found by later builds
    build_only, // a temporary store: served from their scratch directories, then removed
};

struct CachedInstall
{
    EntryKeeping keeping;
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

// Every wheel's entry, found or made. A wheel that cannot be installed (a hostile wheel, a full
// disk) is an error naming it; all such errors, in request order. Nothing from a failed install
// is published.
[[nodiscard]] Expected<CachedWheels> prepare_cached_wheels(const CachedInstall& install);

// Place the entries into the stage: distributions and install warnings go to `report`, the
// byte-compiler's warnings to `bytecode_warnings`.
[[nodiscard]] Expected<void> place_cached_wheels(const CachedInstall& install,
                                                 const CachedWheels& wheels, OwnerMap& owners,
                                                 InstallReport& report,
                                                 std::vector<std::string>& bytecode_warnings);

} // namespace pydeb::install
