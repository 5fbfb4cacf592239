// The format-neutral package model (nfpm's Info + Contents, with typed entries and lifecycle
// events instead of verbatim scripts). The pipeline fills a PackageInfo; package/deb and
// package/rpm render it. Writers never read the spec.
#pragma once

#include "util/package_choices.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::package
{

using pydeb::Compression;
using pydeb::Format;

enum class EntryType
{
    directory,
    file,
    symlink,
};

enum class ConfigFile : bool
{
    no = false,
    yes = true, // dpkg conffile / rpm %config(noreplace): a local edit survives upgrades
};

// One path the package installs. Entries are sorted byte-wise by path before writing.
struct Entry
{
    std::string path; // absolute target path, "/opt/venvs/app/bin/python"
    EntryType type = EntryType::file;
    // Where the bytes are now (the staging root), for files. A string, not a filesystem::path:
    // libstdc++'s path keeps a list of its components, which for the 20,000 entries of a large
    // app cost 19 MiB (heaptrack) of the build's peak.
    std::string source;
    std::string link_target;      // for symlinks, verbatim
    std::uint32_t mode = 0644;    // permission bits only; type comes from `type`
    std::uint64_t size = 0;       // file size in bytes
    // st_mtime when the entry was collected; writers lstat `source` when it is unset.
    std::optional<std::int64_t> mtime;
    // A name for exactly these bytes, given by the stage that put them there and valid as long as
    // that name exists (a file placed from an installed-wheel cache entry: "<entry key>/<path>").
    // Empty: unknown. Lets the .deb writer reuse an earlier build's payload without reading files.
    std::string content_key;
    ConfigFile config = ConfigFile::no;
    // Directories the package owns. Writers never claim shared system directories (/usr, /usr/bin,
    // /etc, /opt...) in rpm's file list; dpkg lists every parent in data.tar as debhelper does.
    bool owned_directory = true;
};

// Shell snippets, each run at one lifecycle event. The writers map events onto each format's
// script and argument conventions (dpkg: postinst configure <old-version>; rpm: $1 counts), so an
// upgrade runs the upgrade snippets and never the remove ones.
struct Lifecycle
{
    std::string pre_install;  // before a fresh install's files are unpacked
    std::string post_install; // after a fresh install
    std::string pre_upgrade;  // before an upgrade's files are unpacked
    std::string post_upgrade; // after an upgrade
    std::string pre_remove;   // before a removal (not an upgrade)
    std::string post_remove;  // after a removal (not an upgrade)
    std::string post_purge;   // after dpkg --purge; rpm has no purge, it runs with post_remove
};

// What pydeb itself must do in the scripts, independent of the user's hooks.
struct VenvActions
{
    std::string prefix;                       // /opt/venvs/app
    std::string interpreter;                  // /usr/bin/python3, as the target has it
    bool compile_bytecode_on_install = false; // bytecode: install
    std::vector<std::string> purge_paths; // created at run time by the package, removed on purge
};

// A systemd unit the package ships, with what the scripts do with it. Each choice mirrors a
// dh_installsystemd option (enable: --no-enable, start: --no-start, restart: --no-restart-after-
// upgrade), and the writers emit what debhelper emits for it.
enum class UnitEnable
{
    yes,
    no,
};

enum class UnitStart
{
    yes,
    no,
};

enum class UnitRestart
{
    after_upgrade,      // keeps running during the upgrade, restarted once configured
    stop_before_upgrade, // stopped by preinst (rpm: left running), started by postinst
};

enum class UnitInstallSection
{
    present,
    absent, // never enabled; debhelper still stops and starts it (not templates)
};

struct ServiceUnit
{
    std::string name; // app.service, app@.service, app.socket
    UnitEnable enable = UnitEnable::yes;
    UnitStart start = UnitStart::yes;
    UnitRestart restart = UnitRestart::after_upgrade;
    UnitInstallSection install = UnitInstallSection::present;
};

// A system account from the spec's users: (sysusers.d(5) "u NAME -[:GROUP] GECOS HOME").
struct SystemAccount
{
    std::string name, group, home, description;
};

// A directory from the spec's directories: (tmpfiles.d(5) "d PATH MODE USER GROUP -").
struct ManagedDirectory
{
    std::string path, user, group;
    std::uint32_t mode = 0755;
};

// Units, accounts and directories, and the name of the package's sysusers.d and tmpfiles.d
// fragments (NAME.conf, the package name, as dh_installsysusers and dh_installtmpfiles name them).
struct ServiceActions
{
    std::vector<ServiceUnit> units; // sorted by name
    std::vector<SystemAccount> accounts;
    std::vector<ManagedDirectory> directories;
    std::string fragment_name;
    [[nodiscard]] bool empty() const
    {
        return units.empty() && accounts.empty() && directories.empty();
    }
};

struct Relations
{
    // Debian relation fields, in dpkg syntax ("libc6 (>= 2.34)", "libblas3 | libblas.so.3").
    std::vector<std::string> depends, pre_depends, recommends, suggests, conflicts, breaks,
        replaces, provides;
    // RPM dependencies, one per element, in rpm syntax ("libpq.so.5()(64bit)", "python(abi)
    // = 3.11").
    std::vector<std::string> rpm_requires, rpm_provides, rpm_conflicts, rpm_obsoletes,
        rpm_recommends;
};

struct PackageInfo
{
    std::string name;
    std::optional<std::uint32_t> epoch;
    std::string version; // upstream part, already valid for the target format
    std::string release; // Debian revision / RPM release
    std::string summary;
    std::string description; // long text, unfolded
    std::string maintainer;  // "Jane Doe <jane@example.com>"
    std::string license;
    std::string homepage;
    std::string section = "misc";
    std::string priority = "optional";
    std::string group = "Unspecified"; // rpm Group
    std::string deb_architecture;      // amd64, arm64, all
    std::string rpm_architecture;      // x86_64, aarch64, noarch
    Relations relations;
    std::vector<Entry> entries;
    Lifecycle lifecycle;
    VenvActions venv;
    ServiceActions services;
    Compression compression = Compression::zstd;
    // SOURCE_DATE_EPOCH: clamps mtimes and sets rpm's buildtime, for bit-for-bit rebuilds.
    std::optional<std::int64_t> source_date_epoch;
};

} // namespace pydeb::package
