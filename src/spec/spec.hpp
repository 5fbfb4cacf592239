// The typed form of pydeb.yaml (documented in man/pydeb.yaml.5). Every path is already resolved
// against the spec's directory; every value is already validated.
#pragma once

#include "python/bundle_layout.hpp"

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

enum class Bytecode
{
    build,   // compiled at build time with the target interpreter, shipped in the package
    install, // compiled by the postinst / %post scriptlet on the target
    none,    // never compiled by pydeb
};

enum class Strip
{
    yes,
    no,
};

enum class Format
{
    deb,
    rpm,
};

enum class Compression
{
    zstd,
    xz,
    gzip,
    none,
};

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

struct Spec
{
    std::filesystem::path file; // the spec as given on the command line
    std::filesystem::path dir;  // relative paths in the spec resolve against this

    std::string name;
    std::optional<std::uint32_t> epoch;
    std::string version;
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
    std::optional<std::filesystem::path> project;
    std::filesystem::path lockfile; // default DIR/pydeb.lock
    Bytecode bytecode = Bytecode::build;
    Strip strip = Strip::yes;

    std::vector<std::string> entry_points;
    std::vector<ExtraFile> files;
    Hooks hooks;
    DebOptions deb;
    RpmOptions rpm;
    std::vector<Format> formats{Format::deb, Format::rpm};
    Compression compression = Compression::zstd;
    InstallabilityCheck check_installable = InstallabilityCheck::error;
    std::optional<Signing> sign;
};

} // namespace pydeb::spec
