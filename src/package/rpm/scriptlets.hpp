// rpm scriptlets (%pre, %post, %preun, %postun, %posttrans) rendered from templates/rpm/ for a
// package's lifecycle hooks and pydeb's own venv actions. rpm gives no event name, only $1 = the
// number of instances left after the operation; the templates turn that into events:
//   rpm -i: %pre 1, %post 1                      -> pre_install, post_install
//   rpm -U: new %pre 2, new %post 2, old %preun 1, old %postun 1, new %posttrans
//                                                -> pre_upgrade, post_upgrade (old scripts idle)
//   rpm -e: %preun 0, %postun 0                  -> pre_remove; post_remove, post_purge
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <string>

namespace pydeb::package::rpm
{

// Script bodies for /bin/sh; an empty string means the package has no such scriptlet.
struct Scriptlets
{
    std::string pre, post, preun, postun, posttrans;
};

// Hooks become shell functions (pydeb_hook_post_install ...) called at their event; values from
// the spec (prefix, interpreter, purge paths) reach the scripts only through util::shell_quote.
// Fails when the prefix or a purge path is not an absolute path below "/" (the scripts delete
// under them).
// The services' parts (package/rpm/service_scriptlets.hpp) take their places in the order
// pydeb.yaml(5) documents: users before the pre-install hooks, directories before and the units'
// %systemd_post after the post-install hooks, %systemd_preun before the pre-remove hook.
[[nodiscard]] Expected<Scriptlets> render_scriptlets(const Lifecycle& lifecycle,
                                                     const VenvActions& venv,
                                                     const ServiceActions& services = {});

} // namespace pydeb::package::rpm
