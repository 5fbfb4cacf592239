// Wheels from somewhere other than a local wheelhouse: a package index (sources/ implements
// this). The resolver asks for a project's files by name, reads the metadata of those that fit
// the target through the source (PEP 658 lets an index serve it without the wheel), and has only
// the wheels it chose downloaded.
#pragma once

#include "python/version.hpp"
#include "python/wheel_filename.hpp"
#include "resolve/metadata.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace pydeb::resolve
{

struct RemoteWheel
{
    std::string file; // the file name as the index gives it
    python::WheelFilename filename;
    std::string url;    // without credentials: what the lock records
    std::string sha256; // lower-case hex from the index or the lock; empty when neither gave one
    std::optional<std::string> requires_python; // PEP 503 data-requires-python, unparsed
    std::optional<std::string> yanked;          // PEP 592: set (the reason) when yanked
    bool has_metadata = false;                  // PEP 658/714 .metadata served
    std::string metadata_sha256;
};

// An sdist an index links (PEP 503/691), name and version from its file name
// (python/sdist_filename.hpp).
struct RemoteSdist
{
    std::string file;
    std::string name; // PEP 503 normalized
    python::Version version;
    std::string url;    // without credentials
    std::string sha256; // lower-case hex; empty when the index gave none
    std::optional<std::string> requires_python;
    std::optional<std::string> yanked;
};

struct FetchedWheel
{
    std::filesystem::path path; // in the cache, named as the wheel
    std::string sha256;
};

class WheelSource
{
public:
    virtual ~WheelSource() = default;
    // The wheels the sources link for a normalized project name (sdists are left out).
    [[nodiscard]] virtual Expected<std::vector<RemoteWheel>> wheels(const std::string& name) = 0;
    // The wheel's core metadata.
    [[nodiscard]] virtual Expected<WheelMetadata> metadata(const RemoteWheel& wheel) = 0;
    // Download (several at a time, each checked against its sha256) or take from the cache;
    // results in the order given. Every file that cannot be had is named in the one error.
    [[nodiscard]] virtual Expected<std::vector<FetchedWheel>>
    fetch(std::span<const RemoteWheel> wheels) = 0;
    // The sdists the sources link for a normalized project name (none by default: a source of
    // wheels only).
    [[nodiscard]] virtual Expected<std::vector<RemoteSdist>> sdists(const std::string& name)
    {
        (void)name;
        return std::vector<RemoteSdist>{};
    }
    // Download the sdist (checked against its sha256) or take it from the cache.
    [[nodiscard]] virtual Expected<FetchedWheel> fetch_sdist(const RemoteSdist& sdist)
    {
        return fail(sdist.file + ": this source cannot fetch sdists");
    }
};

// An sdist to build: a local file whose sha256 is known (checked against the index and the lock
// when it was fetched).
struct SdistToBuild
{
    std::filesystem::path path;
    std::string file;   // its file name
    std::string where;  // for messages: the masked URL, or the wheelhouse path
    std::string sha256; // lower-case hex
    std::string name;   // PEP 503 normalized, from the file name
    python::Version version;
};

// Builds a wheel from an sdist for the target interpreter (PEP 517; sdist/ implements it): the
// resolver asks when a requirement has no fitting wheel. Null in a ResolveRequest when sdists
// must not be built (`install.only-binary`).
class SdistBuilder
{
public:
    virtual ~SdistBuilder() = default;
    // The built wheel (in the cache or the build's scratch directory). A failed build is an
    // error naming the sdist, with the tail of the backend's output.
    [[nodiscard]] virtual Expected<std::filesystem::path> build(const SdistToBuild& sdist) = 0;
};

} // namespace pydeb::resolve
