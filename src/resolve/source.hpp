// Wheels from somewhere other than a local wheelhouse: a package index (sources/ implements
// this). The resolver asks for a project's files by name, reads the metadata of those that fit
// the target through the source (PEP 658 lets an index serve it without the wheel), and has only
// the wheels it chose downloaded.
#pragma once

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
};

} // namespace pydeb::resolve
