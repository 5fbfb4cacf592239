// pydeb.lock: the exact wheel set of a resolution, so that later builds install the same bytes.
// A line-oriented text format, sorted, one fact per line, so that a diff reads as the change:
//
//   # pydeb.lock: the exact wheels of a resolution. Written by pydeb; do not edit by hand.
//   pydeb-lock 1
//   requirement flask>=2
//   requirement requests[socks]
//   wheel click 8.1.3 click-8.1.3-py3-none-any.whl sha256=6a7a62563bbfab...
//   wheel idna 3.3 idna-3.3-py3-none-any.whl sha256=84d9dd04... url=https://i.example/p/idna-3.3-py3-none-any.whl
//   sdist fastsum 1.0 fastsum-1.0.tar.gz sha256=5e2a... url=https://i.example/p/fastsum-1.0.tar.gz
//
// "pydeb-lock N" is the format version (readers refuse versions they do not know). Requirement
// lines keep the requested order (the PEP 508 text after "requirement "); wheel lines are sorted
// by normalized name: name, version, file name, sha256 of the file, and for a wheel from a package
// index the URL it was downloaded from, never with credentials (a build downloads exactly that).
// A distribution that only an sdist provided is locked as that sdist ("sdist" lines): a build
// fetches it and builds its wheel again, or takes that wheel from the built-wheels cache.
#pragma once

#include "python/requirement.hpp"
#include "python/version.hpp"
#include "resolve/resolve.hpp"
#include "util/expected.hpp"
#include "util/cache_store.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::resolve
{

inline constexpr int k_lock_format = 1;

struct LockedWheel
{
    std::string name; // normalized
    python::Version version;
    std::string filename; // a wheel's, or an sdist's ("sdist" line)
    std::string sha256;   // lower-case hex
    std::string url;      // empty for a wheelhouse file

    bool operator==(const LockedWheel&) const = default;
};

struct Lock
{
    std::vector<python::Requirement> requirements;
    std::vector<LockedWheel> wheels; // sorted by name

    bool operator==(const Lock&) const = default;
};

[[nodiscard]] Lock make_lock(const std::vector<python::Requirement>& requirements,
                             const Resolution& resolution);

[[nodiscard]] std::string format_lock(const Lock& lock);
// Errors read WHERE:LINE: message.
[[nodiscard]] Expected<Lock> parse_lock(std::string_view text, std::string_view where);

// Atomic: the old lock or the whole new one, never a partial file.
[[nodiscard]] Expected<void> write_lock(const std::filesystem::path& path, const Lock& lock);
[[nodiscard]] Expected<Lock> read_lock(const std::filesystem::path& path);

// Use the locked wheels exactly: each must be in a wheelhouse with the locked sha256, fit the
// target, and together they must still satisfy the lock's requirements (and nothing more). Every
// problem is reported, each naming the wheel.
// A wheel locked with a URL is fetched through `source` (the cache first; a download is checked
// against the locked sha256). A locked sdist is fetched (or found in a wheelhouse, sha256
// checked) and built by `builder`; without one (install.only-binary) it is an error.
[[nodiscard]] Expected<Resolution>
resolve_locked(const Lock& lock, const std::vector<std::filesystem::path>& wheelhouses,
               const python::InterpreterFacts& target, const util::CacheStore& cache,
               WheelSource* source = nullptr, SdistBuilder* builder = nullptr);

} // namespace pydeb::resolve
