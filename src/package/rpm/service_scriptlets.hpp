// The scriptlet parts for the package's units, accounts and directories: systemd's rpm macros
// (%systemd_post, %systemd_preun, %systemd_postun_with_restart or %systemd_postun,
// %sysusers_create_package, %tmpfiles_create) as they expand, from templates/rpm/.
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <string>

namespace pydeb::package::rpm
{

struct ServiceScriptlets
{
    std::string pre_setup;  // users, before the pre-install hooks
    std::string post_setup; // directories, before the post-install hooks
    std::string post;       // %systemd_post, after them
    std::string preun;      // %systemd_preun, before the pre-remove hook
    std::string postun;     // %systemd_postun_with_restart (restart: after_upgrade units)
};

[[nodiscard]] Expected<ServiceScriptlets> render_service_scriptlets(const ServiceActions& services);

} // namespace pydeb::package::rpm
