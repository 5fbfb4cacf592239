// The typed form of pydeb.yaml (documented in man/pydeb.yaml.5). Every path is already resolved
// against the spec's directory; every value is already validated.
#pragma once

#include "python/bundle_layout.hpp"
#include "util/package_choices.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::spec
{

// Where a value came from, for messages: "pydeb.yaml:12:5".
struct Location
{
    std::string file;
    int line = 0;   // 1-based
    int column = 0; // 1-based
    [[nodiscard]] std::string to_string() const;
};

using pydeb::Bytecode;
using pydeb::Compression;
using pydeb::Format;
using pydeb::Strip;

enum class FileKind
{
    regular,
    config, // dpkg conffile / rpm %config(noreplace)
};

enum class InstallabilityCheck
{
    error, // a dependency the target repositories cannot satisfy fails the build
    warn,
    off,
};

struct ExtraFile
{
    std::filesystem::path source;
    std::string dest; // absolute path on the target
    FileKind kind = FileKind::regular;
    std::uint32_t mode = 0644;
    Location where;
};

// Shell snippets (files) run at lifecycle events; see package::Lifecycle.
struct Hooks
{
    std::optional<std::filesystem::path> pre_install, post_install, pre_upgrade, post_upgrade,
        pre_remove, post_remove, post_purge;
};

struct DebOptions
{
    std::vector<std::string> depends, pre_depends, recommends, suggests, conflicts, breaks, replaces,
        provides;
    std::string section = "misc";
    std::string priority = "optional";
    // Packages files to check installability against; empty = the host's apt lists.
    std::vector<std::filesystem::path> repositories;
};

struct RpmOptions
{
    std::vector<std::string> requires_, provides, conflicts, obsoletes, recommends;
    std::string group = "Unspecified";
    // rpm-md directories (with repodata/) to check installability against.
    std::vector<std::filesystem::path> repositories;
};

// python: {bundle: SOURCE, keep: [...]}: the package carries its own interpreter at
// PREFIX/python (install/bundle.hpp).
struct Bundle
{
    // A directory or .tar.{gz,xz,zst,bz2} archive holding a CPython prefix (optionally under a
    // top-level python/); nullopt: "host", the build host's own interpreter (`interpreter`).
    std::optional<std::filesystem::path> source;
    std::vector<python::BundlePart> keep;
    Location where;
};

// services: (pydeb.yaml(5) SERVICES). Each flag mirrors a dh_installsystemd option so the .deb's
// scripts behave as debhelper's would: enable: false = --no-enable, start: false = --no-start,
// restart-on-upgrade: false = --no-restart-after-upgrade.
enum class Enable
{
    yes,
    no,
};

enum class Start
{
    yes,
    no,
};

enum class RestartOnUpgrade
{
    yes, // restarted once the new version is configured
    no,  // stopped before the upgrade unpacks, started after it is configured
};

enum class InstallSection
{
    present, // the unit has an [Install] section: it can be enabled
    absent,  // started by another unit or by hand only
};

struct Service
{
    std::string name; // the unit's file name: app.service, app@.service, app.socket, app.timer
    std::optional<std::filesystem::path> unit; // unit: the packager's file; else generated
    InstallSection install = InstallSection::present;
    // Generated units only (exec:). exec is a systemd command line whose first word is an entry
    // point or "python" (the venv's bin/NAME), or an absolute path the package installs.
    std::string exec;
    std::string description;
    std::string user, group; // empty: root
    std::vector<std::string> environment; // KEY=VALUE
    std::string working_directory;
    std::string restart = "on-failure";
    Enable enable = Enable::yes;
    Start start = Start::yes;
    RestartOnUpgrade restart_on_upgrade = RestartOnUpgrade::yes;
    Location where, exec_where;
};

// users: system accounts, never deleted (Debian Policy §9.2.1 leaves them behind on purge).
struct SystemUser
{
    std::string name;
    std::string group; // primary group, created with the user; default: the user's name
    std::string home = "/";
    std::string description;
    Location where;
};

enum class Purge
{
    no,
    yes, // removed by the purge (rpm: the erase)
};

// directories: created by a tmpfiles.d fragment on install.
struct StateDirectory
{
    std::string path;
    std::string user = "root", group = "root";
    std::uint32_t mode = 0755;
    Purge purge = Purge::no;
    Location where;
};

// `install.indexes`: a simple repository (PEP 503 HTML or PEP 691 JSON). Its credentials come
// from `user:password@` in the URL, from the environment variables named here, or from netrc;
// the spec holds variable names, never a secret itself unless the URL carries one.
struct PackageIndex
{
    std::string url;
    std::string username_env; // empty: none named
    std::string password_env;
    Location where;
};

// `install.only-binary`: whether a requirement only an sdist satisfies may be built (PEP 517).
enum class OnlyBinary
{
    no,
    yes,
};

// `install.sdist-sandbox`: what confines an sdist's build backend (PEP 517 runs arbitrary code
// from the sdist). bwrap: bubblewrap, with only the build's own directories writable and no
// network; none: the build runs with the user's rights (the sdist is trusted).
enum class SdistSandbox
{
    bwrap,
    none,
};

struct Requirement
{
    std::string text; // PEP 508, validated
    Location where;
};

// `sign: {key: ...}`: the OpenPGP key the packages are signed with, named as gpg -u takes it
// (a fingerprint is best). Only the name: the key itself stays in the GnuPG home.
struct Signing
{
    std::string key;
    Location where;
};

// targets: the releases packages are built for (pydeb.yaml(5) TARGETS). Without it, one package
// per format for the build host's release, as before.
enum class TargetKind
{
    debian, // a Debian release, its metadata read from a signed archive
    rpm,    // rpm-md repositories
};

struct Target
{
    TargetKind kind = TargetKind::debian;
    std::string name;        // "bookworm"; for rpm the name the spec gives ("el9")
    int debian_number = 0;   // 12 for bookworm: the version suffix ~deb12
    // Debian: the archive root ("http://deb.debian.org/debian"); empty: the host's apt source.
    std::string archive;
    std::vector<std::string> components{"main"};
    // The OpenPGP keyring InRelease is verified against (gpgv --keyring); rpm: the one each
    // URL's repodata/repomd.xml.asc is, empty for none (repomd.xml then unauthenticated).
    std::filesystem::path keyring = "/usr/share/keyrings/debian-archive-keyring.gpg";
    std::vector<std::filesystem::path> repositories; // rpm: directories holding repodata/
    std::vector<std::string> repository_urls;        // rpm: http(s) base URLs, no trailing slash
    Compression compression = Compression::zstd;     // the package's, after the release's rule
    Location where;
};

// Where the package version comes from when the spec does not give it.
enum class VersionFrom
{
    spec,          // the spec or the caller's defaults (or a static PEP 621 project.version)
    project_wheel, // PEP 621 dynamic = ["version"]: the built project wheel's METADATA Version
};

struct Spec
{
    std::filesystem::path file; // the spec as given on the command line
    std::filesystem::path dir;  // relative paths in the spec resolve against this

    std::string name;
    std::optional<std::uint32_t> epoch;
    std::string version;
    VersionFrom version_from_project = VersionFrom::spec;
    std::string release = "1";
    std::string summary;
    std::string description;
    std::string maintainer;
    std::string license;
    std::string homepage;

    std::filesystem::path interpreter = "/usr/bin/python3";
    std::optional<Bundle> bundle;

    std::string prefix; // default /opt/venvs/NAME
    std::vector<Requirement> requirements;
    std::optional<std::filesystem::path> requirements_file;
    std::vector<std::filesystem::path> wheelhouses;
    std::vector<PackageIndex> indexes;
    std::vector<std::string> find_links; // URLs of HTML pages that link distributions
    OnlyBinary only_binary = OnlyBinary::no;
    SdistSandbox sdist_sandbox = SdistSandbox::bwrap;
    std::optional<std::filesystem::path> project;
    std::filesystem::path lockfile; // default DIR/pydeb.lock
    Bytecode bytecode = Bytecode::build;
    Strip strip = Strip::yes;

    std::vector<std::string> entry_points;
    std::vector<ExtraFile> files;
    Hooks hooks;
    std::vector<Service> services;
    std::vector<SystemUser> users;
    std::vector<StateDirectory> directories;
    DebOptions deb;
    RpmOptions rpm;
    std::vector<Format> formats{Format::deb, Format::rpm};
    Compression compression = Compression::zstd;
    std::optional<Location> compression_where; // set when the spec names a compression
    std::vector<Target> targets;
    InstallabilityCheck check_installable = InstallabilityCheck::error;
    std::optional<Signing> sign;
};

} // namespace pydeb::spec
