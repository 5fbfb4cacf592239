// The files behind the spec's services:, users: and directories:: unit files, the sysusers.d and
// tmpfiles.d fragments, and the model the writers turn into maintainer scripts and scriptlets.
#pragma once

#include "package/model.hpp"
#include "spec/spec.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <vector>

namespace pydeb::pipeline
{

// Where the units go: bookworm's debhelper installs and looks for them in /lib/systemd/system
// (dh_installsystemd 13.11, lintian's systemd-service-file-outside-lib); rpm's %_unitdir is
// /usr/lib/systemd/system.
enum class UnitDirectory
{
    deb,
    rpm,
};

// Writes ROOT/{lib,usr/lib}/systemd/system/NAME for each service (the packager's file, or one
// generated from exec:), ROOT/usr/lib/sysusers.d/PACKAGE.conf and ROOT/usr/lib/tmpfiles.d/
// PACKAGE.conf. `package_root` is the staged package (venv and files:): an exec whose first word
// is neither an entry point in PREFIX/bin nor a path in it fails at the exec's FILE:LINE:COL.
[[nodiscard]] Expected<void> stage_services(const spec::Spec& spec,
                                            const std::filesystem::path& package_root,
                                            const std::filesystem::path& root,
                                            UnitDirectory directory);

// stage_services into the empty directory `root`, then its entries added to `entries` (kept
// sorted; directories both have are listed once). Nothing to do without services, users and
// directories.
[[nodiscard]] Expected<void> add_service_entries(const spec::Spec& spec,
                                                 const std::filesystem::path& package_root,
                                                 const std::filesystem::path& root,
                                                 UnitDirectory directory,
                                                 std::vector<package::Entry>& entries);

// dh_installsystemd applies one set of options to all of a package's units, from debian/rules:
// for dh_pydeb, a service with enable/start/restart-on-upgrade false fails at its location.
[[nodiscard]] Expected<void> check_dh_services(const spec::Spec& spec);

// The spec's services, users and directories as the package model has them.
[[nodiscard]] package::ServiceActions service_actions(const spec::Spec& spec);

} // namespace pydeb::pipeline
