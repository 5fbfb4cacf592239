// A wheelhouse: directories (not recursive) or single files of built distributions. Only wheels
// are ever installed; sdists (.tar.gz, .zip) are recorded so that "only an sdist exists" can be
// said plainly instead of "nothing provides".
#pragma once

#include "python/wheel_filename.hpp"
#include "util/expected.hpp"
#include "util/cache_store.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace pydeb::resolve
{

struct WheelFile
{
    std::filesystem::path path;
    python::WheelFilename filename;
};

struct SdistFile
{
    std::filesystem::path path;
    std::string version; // as in the file name, when it splits as NAME-VERSION
};

struct Wheelhouse
{
    // Keyed by PEP 503 normalized name, in scan order.
    std::map<std::string, std::vector<WheelFile>> wheels;
    std::map<std::string, std::vector<SdistFile>> sdists;
    // Files that look like distributions but whose names do not parse (skipped, reported).
    std::vector<std::string> warnings;
};

// Scan each path: a directory contributes its *.whl, *.tar.gz and *.zip files; a file is taken as
// given. A missing path is an error naming it.
[[nodiscard]] Expected<Wheelhouse>
scan_wheelhouses(const std::vector<std::filesystem::path>& paths);

// The wheel file's sha256, lower-case hex (what pydeb.lock records), remembered per file identity
// in the "hashes" cache (util::memoize_file_answer: a changed wheel is hashed again).
[[nodiscard]] Expected<std::string> wheel_sha256(const util::CacheStore& cache,
                                                const std::filesystem::path& wheel);

} // namespace pydeb::resolve
