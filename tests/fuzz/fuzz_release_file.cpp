// A Debian archive's Release text (targets/release_file: the SHA256 list of the InRelease gpgv
// verified). Properties: an accepted file has a codename and at least one index, every index a
// 64-digit lower-case hash, and find() returns each listed path's first entry; a by-hash path stays
// under the index's directory.
#include "fuzz_support.hpp"
#include "targets/release_file.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto release = targets::parse_release_file(fuzz::text(data, size), "fuzz");
    if (!release)
    {
        return 0;
    }
    require(!release->codename.empty() && !release->files.empty(),
            "release: accepted without a codename or an index");
    for (const targets::IndexFile& file : release->files)
    {
        require(file.sha256.size() == 64 &&
                    file.sha256.find_first_not_of("0123456789abcdef") == std::string::npos,
                "release: an accepted hash is not 64 lower-case hex digits", file.sha256);
        const targets::IndexFile* found = release->find(file.path);
        require(found != nullptr && found->path == file.path, "release: find misses", file.path);
        const std::string fetched = release->fetch_path(file);
        const std::size_t slash = file.path.rfind('/');
        require(slash == std::string::npos ||
                    fetched.starts_with(file.path.substr(0, slash + 1)),
                "release: the fetch path leaves the index's directory", fetched);
    }
    return 0;
}
