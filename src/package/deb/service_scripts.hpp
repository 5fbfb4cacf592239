// The maintainer-script snippets for the package's units, accounts and directories: what
// dh_installsysusers, dh_installtmpfiles and dh_installsystemd put into a package's scripts on
// bookworm (debhelper 13.11), for each unit with its own enable/start/restart choices.
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <string>

namespace pydeb::package::deb
{

struct ServiceSnippets
{
    std::string preinst;        // stop before an upgrade (restart: stop_before_upgrade)
    std::string postinst_setup; // users, then directories: before the post-install hooks
    std::string postinst;       // enable, then start / restart: after the hooks
    std::string prerm;          // stop on removal: before the pre-remove hook
    std::string postrm;         // daemon-reload on removal, enablement state purged on purge
};

// Fails when a template is missing (an internal error).
[[nodiscard]] Expected<ServiceSnippets> render_service_snippets(const ServiceActions& services);

} // namespace pydeb::package::deb
