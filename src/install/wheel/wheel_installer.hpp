// Install one wheel into the venv of a Layout (binary distribution format spec, "Installing a
// wheel 'distribution-1.0-py32-none-any.whl'"), with pypa/installer and pip as references:
// RECORD enforced (every member listed, hashes and sizes verified while streaming), path safety,
// .data scheme spreading, "#!python" rewriting, console/gui launchers, INSTALLER = pydeb, no
// direct_url.json, and a RECORD rewritten relative to site-packages with the hashes of the bytes
// actually written. Nothing is written outside layout.stage_root.
#pragma once

#include "install/layout.hpp"
#include "install/wheel/owner_map.hpp"
#include "python/tags.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::install
{

struct InstalledDistribution
{
    std::string name; // as the .dist-info spells it
    std::string version;
    std::filesystem::path wheel;

    bool operator==(const InstalledDistribution&) const = default;
};

struct WheelInstallContext
{
    const python::TagPriority& supported;
    OwnerMap& owners;                   // shared between the wheels of one environment
    std::string_view launcher_template; // templates/launcher/console_script.py
};

// Errors name the wheel file and the member. Warnings (newer Wheel-Version, skipped __pycache__
// members...) are appended to `warnings`.
[[nodiscard]] Expected<InstalledDistribution> install_wheel(const Layout& layout,
                                                            const std::filesystem::path& wheel,
                                                            const WheelInstallContext& context,
                                                            std::vector<std::string>& warnings);

} // namespace pydeb::install
