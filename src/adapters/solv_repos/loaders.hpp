// libsolvext loaders for distribution metadata, on top of adapters/solv's pool: the dpkg
// database, apt Packages files (any compression apt uses, lz4 included), rpm-md repositories
// and the rpm database, with an optional .solv cache keyed by the source's size and mtime.
// libsolv's own loaders are ext/repo_deb.c, ext/repo_rpmmd.c and ext/repo_rpmdb.c.
#pragma once

#include "adapters/solv/pool.hpp"
#include "adapters/solv/repo.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::adapters::solv_repos
{

// A directory for .solv caches; empty = no caching.
struct CacheOptions
{
    std::filesystem::path directory;
};

// ROOT/var/lib/dpkg/status as a repo of the packages dpkg lists as "installed" (repo_add_debdb
// keeps config-files and half-installed entries too; they are dropped here). Solver fields only,
// as for load_apt_packages.
[[nodiscard]] Expected<solv::ObjRepoView> load_dpkg_status(solv::ObjPool& pool,
                                                           const std::filesystem::path& root);

// One apt Packages file, compressed by anything libarchive reads (gz, xz, bz2, zst, and lz4:
// bookworm's apt stores lists as *_Packages.lz4, which libsolv's solv_xfopen cannot open) or not
// at all. The text is streamed into libsolv, never held whole in memory, and only the fields the
// solver uses reach it: solvables carry no description, file name or checksum.
[[nodiscard]] Expected<solv::ObjRepoView> load_apt_packages(solv::ObjPool& pool,
                                                            const std::filesystem::path& file,
                                                            const CacheOptions& cache = {});

// Control stanzas given as text (a package about to be written), parsed exactly as an archive's
// Packages file is.
[[nodiscard]] Expected<solv::ObjRepoView>
load_debian_stanzas(solv::ObjPool& pool, std::string_view repo_name, std::string_view text);

// DIR/repodata/repomd.xml and the primary and filelists files it names.
[[nodiscard]] Expected<solv::ObjRepoView>
load_rpm_md(solv::ObjPool& pool, const std::filesystem::path& dir, const CacheOptions& cache = {});

// One <data> entry of an rpm-md repository's repodata/repomd.xml (createrepo_c(8)), as
// libsolv's repomd parser reads it: where the file is and what it hashes to.
struct RepomdData
{
    std::string location;      // <location href>, relative to the base URL: "repodata/..."
    std::string checksum_type; // <checksum type>: "sha256" (createrepo_c's default), "sha512", ...
    std::string checksum;      // lower-case hex, of the file as stored (compressed)
    std::optional<std::uint64_t> size; // <size>, when repomd.xml gives it
};

// The entries of `types` ("primary", "filelists") that repomd.xml lists, by type.
[[nodiscard]] Expected<std::map<std::string, RepomdData, std::less<>>>
read_repomd(const std::filesystem::path& repomd, std::initializer_list<std::string_view> types);

// The rpm database below root (ROOT/var/lib/rpm or ROOT/usr/lib/sysimage/rpm).
[[nodiscard]] Expected<solv::ObjRepoView> load_rpmdb(solv::ObjPool& pool,
                                                     const std::filesystem::path& root);

// An rpm dependency string as rpm writes it: "name", "name OP evr" (OP one of < <= = >= >), or a
// rich dependency "(a or b)" (pool_parserpmrichdep). 0 when it does not parse.
[[nodiscard]] solv::DependencyId parse_rpm_dependency(solv::ObjPool& pool, std::string_view text);

} // namespace pydeb::adapters::solv_repos
