// The format-neutral package model (nfpm's Info + Contents, with typed entries and lifecycle
// events instead of verbatim scripts). The pipeline fills a PackageInfo; package/deb and
// package/rpm render it. Writers never read the spec.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::package
{

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
    std::filesystem::path source; // where the bytes are now (the staging root), for files
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
    Compression compression = Compression::zstd;
    // SOURCE_DATE_EPOCH: clamps mtimes and sets rpm's buildtime, for bit-for-bit rebuilds.
    std::optional<std::int64_t> source_date_epoch;
};

} // namespace pydeb::package
