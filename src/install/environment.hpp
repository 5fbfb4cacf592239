// The install stage in one call: the venv at its final prefix, the wheels installed into it in
// parallel (or placed from the installed-wheel cache), then bytecode, strip and the /usr/bin
// links. The pipeline's only entry point into install/.
#pragma once

#include "install/install_options.hpp"
#include "install/wheel_installer.hpp"
#include "python/tags.hpp"
#include "util/expected.hpp"

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
    // The installed-wheel cache (wheel_cache.hpp); nullopt, or a directory that cannot be
    // created or written: every wheel is installed straight into the stage.
    std::optional<std::filesystem::path> cache;
    LinkMode link_mode = LinkMode::copy; // how cached files reach the stage
};

struct InstallReport
{
    std::vector<InstalledDistribution> distributions; // in request order
    std::vector<std::string> warnings;
};

[[nodiscard]] Expected<InstallReport> install_environment(const InstallRequest& request);

} // namespace pydeb::install
