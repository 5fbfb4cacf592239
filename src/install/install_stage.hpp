// The install stage in one call: the venv at its final prefix, the wheels installed into it in
// parallel (or placed from the installed-wheel cache), then bytecode, strip and the /usr/bin
// links. The pipeline's only entry point into install/.
#pragma once

#include "install/cache/cache_manifest.hpp"
#include "install/install_options.hpp"
#include "install/wheel/wheel_installer.hpp"
#include "python/tags.hpp"
#include "util/expected.hpp"
#include "util/progress.hpp"
#include "util/spare_directories.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::install
{

// A wheel to install, and its sha256 when the caller knows it (resolve::ResolvedWheel does).
struct WheelFile
{
    std::filesystem::path path;
    std::string sha256; // lower-case hex; empty: computed when the wheel cache needs it
    WheelCaching caching = WheelCaching::store;
};

struct InstallRequest
{
    std::filesystem::path stage_root; // created if missing
    std::filesystem::path prefix;     // absolute final venv path, e.g. /opt/venvs/app
    python::InterpreterFacts interpreter;
    std::vector<WheelFile> wheels;
    Bytecode bytecode = Bytecode::build;
    Strip strip = Strip::no;
    std::vector<std::string> entry_points; // linked as /usr/bin/NAME
    std::optional<std::string> prompt;     // activate prompt; default: prefix name
    unsigned workers = 0;                  // 0: hardware concurrency, at least 2
    // The installed-wheel cache (cache/wheel_cache.hpp); nullopt, or a directory that cannot be
    // created or written: the wheels go the same way through a temporary store, kept for nothing.
    std::optional<std::filesystem::path> cache;
    LinkMode link_mode = LinkMode::copy; // how cached files reach the stage
    util::SpareDirectories* spares = nullptr; // the stage's directories may come from this pool
    // Counts wheels placed (of how many) and files compiled; nullptr: nobody watches.
    util::Progress* progress = nullptr;
};

// clang-format off
// Files whose bytes are exactly those of an immutable installed-wheel cache entry: a name for the
// bytes that stays the same as long as the entry exists, so later stages may reuse work done on them.
struct CachedWheelFiles
{
    std::string entry_key;          // the wheel cache entry's key (its directory name)
    std::vector<std::string> files; // absolute target paths of its regular files ("/opt/venvs/app/lib/...")
    std::vector<FileContent> contents; // contents[i] is files[i]'s, as the entry records it
};
// clang-format on

struct InstallReport
{
    std::vector<InstalledDistribution> distributions; // in request order
    std::vector<std::string> warnings;
    // One per wheel placed from a kept cache entry (found, or stored by this run), hard-linked or
    // copied; not WheelCaching::skip wheels, entries served from a scratch directory, or entries
    // of a temporary store. `files` are those this wheel placed: a path another
    // wheel's claim won (OwnerMap) is that wheel's.
    std::vector<CachedWheelFiles> cached_files; // in request order
};

[[nodiscard]] Expected<InstallReport> install_stage(const InstallRequest& request);

} // namespace pydeb::install
