// An rpm target's rpm-md repository at an http(s) URL (pydeb.yaml(5) TARGETS), acquired as dnf
// does (dnf.conf(5) repo_gpgcheck; createrepo_c(8)): BASE/repodata/repomd.xml, its detached
// signature repomd.xml.asc verified with gpgv when the target names a keyring, then the primary and
// filelists files it lists, each checked against repomd.xml's sha256 and size. Kept in the cache
// store like a Debian InRelease (MetadataFetcher, debian_metadata.hpp): repomd.xml for a day,
// verified again on each use, the data files by their sha256, so a second build asks nothing. The
// files are then laid out as a local repository directory for the rpm-md loader.
#pragma once

#include "adapters/solv_repos/loaders.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace pydeb::targets
{

struct RpmRepositorySource
{
    std::string url; // the base URL, the one holding repodata/; no trailing slash
    // The OpenPGP keyring repomd.xml.asc must verify against; empty: repomd.xml is used
    // unauthenticated, as dnf with repo_gpgcheck=0, with a warning.
    std::filesystem::path keyring;
};

// A repomd.xml accepted for use (its signature verified, when there is a keyring): the build's
// own copy (LAYOUT/repodata/repomd.xml), and the data files it lists that the rpm-md loader
// reads, by type.
struct Repomd
{
    std::filesystem::path file;
    std::map<std::string, adapters::solv_repos::RepomdData, std::less<>> data;
};

struct RpmRepository
{
    std::filesystem::path directory;    // DIR/repodata/{repomd.xml, primary, filelists}
    std::optional<std::string> warning; // set when repomd.xml was not authenticated
};

} // namespace pydeb::targets
