// The one cache store: keys, whole entries only, least-recently-used cleanup across kinds.
#include "util/cache_store.hpp"
#include "util/files.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace pydeb::util;
namespace fs = std::filesystem;

namespace
{

void age(const fs::path& path, int minutes)
{
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(minutes));
}

} // namespace

TEST_CASE("CacheKey: fields are length-prefixed, the format is part of the key")
{
    CHECK(CacheKey("f").add("ab").add("c").hex() != CacheKey("f").add("a").add("bc").hex());
    CHECK(CacheKey("f 1").add("x").hex() != CacheKey("f 2").add("x").hex());
    CHECK(CacheKey("f").add("x").hex() == CacheKey("f").add("x").hex());
    CHECK(CacheKey("f").hex().size() == 64);
}

TEST_CASE("CacheStore: a stored entry loads whole; a torn or foreign one is a miss")
{
    const CacheStore store(fs::absolute("store"));
    CHECK_FALSE(store.load(CacheKind::checks, "k"));
    store.store(CacheKind::checks, "k", "answer\nwith lines");
    CHECK(store.load(CacheKind::checks, "k") == "answer\nwith lines");
    std::ofstream("store/checks/k", std::ios::app) << "x"; // longer than its header says
    CHECK_FALSE(store.load(CacheKind::checks, "k"));
    write_file_atomic("store/checks/k", "pydeb-memo 1 6\nanswer").value(); // another format
    CHECK_FALSE(store.load(CacheKind::checks, "k"));
    // Nothing is left behind by a store: no temporary files.
    store.store(CacheKind::checks, "k", "");
    CHECK(store.load(CacheKind::checks, "k") == "");
    CHECK(std::distance(fs::directory_iterator("store/checks"), fs::directory_iterator()) == 1);
}

TEST_CASE("CacheStore::off reads and writes nothing")
{
    const CacheStore off = CacheStore::off();
    CHECK_FALSE(off.enabled());
    off.store(CacheKind::hashes, "k", "v");
    CHECK_FALSE(off.load(CacheKind::hashes, "k"));
    CHECK_FALSE(off.directory(CacheKind::wheels));
    CHECK(off.cleanup(0) == 0);
}

TEST_CASE("CacheStore::cleanup removes the least recently used entries of every kind first")
{
    const CacheStore store(fs::absolute("lru"));
    store.store(CacheKind::hashes, "old", std::string(1000, 'a'));
    store.store(CacheKind::checks, "used", std::string(1000, 'b'));
    store.store(CacheKind::checks, "new", std::string(1000, 'c'));
    fs::create_directories("lru/wheels/entry/files");
    std::ofstream("lru/wheels/entry/files/x.py") << std::string(1000, 'd');
    fs::create_directories("lru/wheels/.tmp-killed");
    std::ofstream("lru/wheels/.tmp-killed/y") << "half";
    age("lru/hashes/old", 300);
    age("lru/checks/used", 200);
    age("lru/wheels/entry", 100);
    age("lru/checks/new", 50);
    age("lru/wheels/.tmp-killed", 120); // left by a killed build two hours ago
    // Loading an entry makes it the most recently used.
    REQUIRE(store.load(CacheKind::checks, "used"));

    std::uint64_t total = 0;
    for (const auto& usage : store.usage())
    {
        total += usage.bytes;
    }
    CHECK(total > 4000);
    CHECK(total < 4200);
    // Room for two of the four entries: the old hash and the wheel entry go.
    store.cleanup(2100);
    CHECK_FALSE(fs::exists("lru/hashes/old"));
    CHECK_FALSE(fs::exists("lru/wheels/entry"));
    CHECK_FALSE(fs::exists("lru/wheels/.tmp-killed"));
    CHECK(store.load(CacheKind::checks, "used"));
    CHECK(store.load(CacheKind::checks, "new"));
    fs::create_directories("lru/spare-directories/empty"); // an entry of 0 bytes
    store.cleanup(0);
    CHECK_FALSE(store.load(CacheKind::checks, "new"));
    CHECK_FALSE(fs::exists("lru/spare-directories/empty"));
}

TEST_CASE("util::read_file: a regular file whole; a directory or FIFO refused with errno")
{
    std::ofstream("plain.txt") << "abc\n";
    CHECK(read_file("plain.txt").value() == "abc\n");
    std::ofstream("empty.txt");
    CHECK(read_file("empty.txt").value().empty());
    fs::create_directories("dir");
    CHECK_FALSE(read_file("dir"));
    CHECK(errno == EINVAL);
    REQUIRE(::mkfifo("fifo", 0600) == 0);
    const auto fifo = read_file("fifo"); // must not block
    REQUIRE_FALSE(fifo);
    CHECK(fifo.error().message.find("not a regular file") != std::string::npos);
    CHECK_FALSE(read_file("missing"));
    CHECK(errno == ENOENT);
}
