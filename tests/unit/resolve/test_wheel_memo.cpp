// wheel_sha256 and read_wheel_metadata remember their answers per wheel file identity
// (util::memoize_file_answer); a changed wheel is always read again.
#include "fixtures.hpp"
#include "resolve/metadata.hpp"
#include "resolve/wheelhouse.hpp"
#include "util/cache_store.hpp"
#include "util/hash.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <thread>

namespace fs = std::filesystem;
using namespace pydeb;
using resolve::test::wheel;

namespace
{

// In the test's own working directory (set up after static initialisation).
util::CacheStore test_cache()
{
    return util::CacheStore(fs::absolute("memo-cache"));
}

std::vector<fs::path> memos(util::CacheKind kind)
{
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry :
         fs::directory_iterator(test_cache().root() / util::directory_name(kind), error))
    {
        files.push_back(entry.path());
    }
    return files;
}

void forge(const fs::path& memo, const std::string& answer)
{
    std::ofstream(memo, std::ios::binary | std::ios::trunc)
        << "pydeb-cache 1 " << answer.size() << "\n"
        << answer;
}

std::string sha256_of(const fs::path& path)
{
    return util::to_hex(util::digest_file(util::HashAlgorithm::sha256, path).value());
}

} // namespace

TEST_CASE("resolve: a wheel's sha256 and METADATA are remembered until the wheel changes")
{
    resolve::test::make_wheelhouse(
        "memo", {wheel("demo-1.0-py3-none-any.whl", {"Requires-Dist: lib>=1"}),
                 wheel("meta-1.0-py3-none-any.whl"), wheel("off-1.0-py3-none-any.whl")});
    const fs::path demo = "memo/demo-1.0-py3-none-any.whl";
    const fs::path meta = "memo/meta-1.0-py3-none-any.whl";
    // Just written: a file changed within the last 2 s has no stable identity, nothing is kept.
    CHECK(resolve::wheel_sha256(test_cache(), demo).value() == sha256_of(demo));
    CHECK(memos(util::CacheKind::hashes).empty());
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));

    CHECK(resolve::wheel_sha256(test_cache(), demo).value() == sha256_of(demo));
    REQUIRE(memos(util::CacheKind::hashes).size() == 1);
    forge(memos(util::CacheKind::hashes).front(), "remembered");
    CHECK(resolve::wheel_sha256(test_cache(), demo).value() == "remembered"); // the memo answers
    forge(memos(util::CacheKind::hashes).front(), "torn");
    std::ofstream(memos(util::CacheKind::hashes).front(), std::ios::app) << "x"; // longer than its header says
    CHECK(resolve::wheel_sha256(test_cache(), demo).value() == sha256_of(demo));

    {
        // Same size, same mtime, other bytes: the ctime tells, the wheel is hashed again.
        struct stat before
        {
        };
        REQUIRE(::stat(demo.c_str(), &before) == 0);
        {
            std::fstream file(demo, std::ios::in | std::ios::out | std::ios::binary);
            file.seekp(0);
            file.put('Q'); // the zip signature's first byte, no longer "PK"
        }
        const std::array<timespec, 2> times{before.st_atim, before.st_mtim};
        REQUIRE(::utimensat(AT_FDCWD, demo.c_str(), times.data(), 0) == 0);
        CHECK(resolve::wheel_sha256(test_cache(), demo).value() == sha256_of(demo));
        CHECK(sha256_of(demo) != "remembered");
    }
    {
        // METADATA: remembered with its member name, parsed on every read.
        const auto first = resolve::read_wheel_metadata(test_cache(), meta);
        REQUIRE(first);
        CHECK(first->version == "1.0");
        REQUIRE(memos(util::CacheKind::wheel_metadata).size() == 1);
        const std::string member = "meta-1.0.dist-info/METADATA";
        forge(memos(util::CacheKind::wheel_metadata).front(), std::to_string(member.size()) + "\n" + member +
                                                   "Name: meta\nVersion: 9.9\nRequires-Dist: ?\n");
        const auto forged = resolve::read_wheel_metadata(test_cache(), meta);
        REQUIRE_FALSE(forged);
        CHECK(forged.error().message.starts_with(
            "meta-1.0-py3-none-any.whl: meta-1.0.dist-info/METADATA:3: invalid Requires-Dist"));
        // A memo that is not one (a length beyond its text): the wheel is read instead.
        forge(memos(util::CacheKind::wheel_metadata).front(), "99999\nshort");
        const auto reread = resolve::read_wheel_metadata(test_cache(), meta);
        REQUIRE(reread);
        CHECK(reread->version == "1.0");
    }
    {
        // --no-cache: nothing is read or kept.
        const auto before = memos(util::CacheKind::hashes).size();
        const auto digest =
            resolve::wheel_sha256(util::CacheStore::off(), "memo/off-1.0-py3-none-any.whl");
        CHECK(digest.value() == sha256_of("memo/off-1.0-py3-none-any.whl"));
        CHECK(memos(util::CacheKind::hashes).size() == before);
    }
}
