// Backend-neutral vocabulary of the dependency mapper (as mamba's solver/ sits above
// solver/libsolv/): what the pipeline asks for and what it gets back. Plain values, no I/O.
#pragma once

#include "elf/elf_object.hpp"
#include "util/cache_store.hpp"
#include "util/package_choices.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace pydeb::depmap
{

class LibraryOrigin; // library_origin.hpp

// The package format relations are mapped for.
using Target = pydeb::Format;

// Where a mapped relation came from, in the words `pydeb deps` prints.
enum class Provenance
{
    symbols,    // dpkg symbols file: template raised to the highest minver of the used symbols
    shlibs,     // dpkg shlibs file: the template as written
    package,    // the owning package only (no shlibs/symbols info): unversioned
    rpm_soname, // rpm's elfdeps form: libfoo.so.1()(64bit), libc.so.6(GLIBC_2.34)(64bit)
    bundled,    // satisfied by a library inside the package: no dependency
    not_found,  // no library on the host, or no package owns it: reported, no dependency
};

[[nodiscard]] std::string_view to_string(Provenance provenance);

// One kind of repository to check relations against (libsolv loaders in adapters/solv_repos).
enum class RepoKind
{
    dpkg_status,  // root of a dpkg database: ROOT/var/lib/dpkg/status
    apt_packages, // an apt Packages file, compressed or not (.lz4, .gz, .xz, .zst)
    rpm_md,       // a directory holding repodata/repomd.xml
    rpmdb,        // root of an rpm database (ROOT/var/lib/rpm)
};

struct RepoSource
{
    RepoKind kind = RepoKind::apt_packages;
    std::filesystem::path path;
};

struct MapRequest
{
    std::filesystem::path stage_root; // the staged package tree (ROOT/opt/venvs/app/...)
    std::filesystem::path prefix;     // the install prefix inside it, e.g. /opt/venvs/app
    Target target = Target::deb;
    // The host interpreter the venv links to (e.g. /usr/bin/python3.11); empty: none.
    std::filesystem::path interpreter;
    std::vector<std::string> extra_depends; // from the spec, already in the target's syntax
    // RPM: repositories to check each require against (empty: no check). Debian mapping always
    // reads the host's dpkg database under `system_root`.
    std::vector<RepoSource> repos;
    std::filesystem::path system_root = "/"; // dpkg database and library directories
    util::CacheStore cache = util::CacheStore::off(); // dpkg owners, .solv repositories
    // The ELF objects of stage_root (elf::scan_tree or scan_files), read once per build and
    // mapped for each format; they must outlive the request.
    std::span<const elf::ElfObject> objects;
    // Debian: where sonames are looked up (a target release's, release_libraries.hpp); nullptr:
    // the host's library directories and dpkg database under system_root.
    const LibraryOrigin* libraries = nullptr;
};

struct MappedSoname
{
    std::filesystem::path object; // install path of the ELF object needing it
    std::string soname;
    std::string relation; // "libxml2 (>= 2.9.0)", "libpq.so.5()(64bit)"; empty if none
    Provenance provenance = Provenance::not_found;
    std::string detail; // the library file, owning package, or why it is not found
};

struct Mapping
{
    std::vector<MappedSoname> sonames;
    std::vector<std::string> deb_depends;  // merged, simplified, sorted (Target::deb)
    std::vector<std::string> rpm_requires; // sorted, unique (Target::rpm)
    std::vector<std::string> warnings;     // unmapped sonames, unsatisfied rpm requires, ...
};

// How check_installable treats problems: fail the build, or only warn.
enum class ProblemPolicy
{
    error,
    warn,
};

struct InstallCheck
{
    Target target = Target::deb;
    std::string package_name;
    std::string version;                // "1.0-1"
    std::string architecture;           // amd64 / x86_64
    std::vector<std::string> relations; // Depends (dpkg syntax) or Requires (rpm syntax)
    // Empty: the host's apt lists plus its dpkg status (deb); rpm has no default.
    std::vector<RepoSource> repos;
    ProblemPolicy policy = ProblemPolicy::error;
    util::CacheStore cache = util::CacheStore::off(); // check answers, .solv repositories
};

} // namespace pydeb::depmap
