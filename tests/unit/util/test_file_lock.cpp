// flock(2) locks: the bounded wait, release on drop and on the holder's death, entry locks in the
// cache store and their cleanup, abandoned temporary directories, the store's write check.
#include "util/cache_store.hpp"
#include "util/file_lock.hpp"
#include "util/files.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace pydeb::util;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

TEST_CASE("FileLock: a held lock makes the next wait run out; dropping it frees it")
{
    const fs::path path = fs::absolute("entry.lock");
    auto first = FileLock::acquire(path, milliseconds(0));
    REQUIRE(first);
    const auto began = std::chrono::steady_clock::now();
    CHECK_FALSE(FileLock::acquire(path, milliseconds(60))); // another descriptor conflicts too
    CHECK(std::chrono::steady_clock::now() - began >= milliseconds(60));
    first.reset();
    CHECK(FileLock::acquire(path, milliseconds(0)));
    CHECK_FALSE(FileLock::acquire(fs::absolute("no/such/dir/x.lock"), milliseconds(0)));
}

TEST_CASE("FileLock: a killed holder's lock is free at once")
{
    const fs::path path = fs::absolute("killed.lock");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0)
    {
        auto lock = FileLock::acquire(path, milliseconds(0));
        ::pause();
        std::_Exit(0);
    }
    // The child holds it once the lock file exists and cannot be taken.
    bool held = false;
    for (int i = 0; i < 500 && !held; ++i)
    {
        held = fs::exists(path) && !FileLock::acquire(path, milliseconds(0));
        ::usleep(2000);
    }
    CHECK(held);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    CHECK(FileLock::acquire(path, milliseconds(0)));
}

TEST_CASE("CacheStore: entry locks; cleanup removes those of missing entries nobody holds")
{
    const CacheStore store(fs::absolute("locked-store"));
    const fs::path dir = *store.directory(CacheKind::wheels);
    auto held = CacheStore::lock_entry(dir, "made-now", milliseconds(0));
    REQUIRE(held);
    CHECK_FALSE(CacheStore::lock_entry(dir, "made-now", milliseconds(0)));
    REQUIRE(CacheStore::lock_entry(dir, "abandoned", milliseconds(0)));
    fs::create_directory(dir / "kept");
    REQUIRE(CacheStore::lock_entry(dir, "kept", milliseconds(0)));
    store.cleanup(CacheStore::k_default_max_size);
    CHECK(fs::exists(dir / ".lock-made-now")); // held: its entry is being made
    CHECK_FALSE(fs::exists(dir / ".lock-abandoned"));
    CHECK(fs::exists(dir / ".lock-kept"));
    for (const auto& usage : store.usage()) // a lock file is no entry
    {
        CHECK(usage.entries == (usage.kind == CacheKind::wheels ? 1u : 0u));
    }
}

TEST_CASE("TempDir: holds its directory; an abandoned one is removed after an hour")
{
    const fs::path tmp = fs::absolute("tmp");
    fs::create_directory(tmp);
    ::setenv("TMPDIR", tmp.c_str(), 1);
    auto live = TempDir::create("pydeb-live").value();
    CHECK_FALSE(FileLock::try_directory(live.path()));
    const fs::path abandoned = tmp / "pydeb-abandoned-x";
    const fs::path recent = tmp / "pydeb-recent-x";
    const fs::path other = tmp / "other-x";
    for (const auto& dir : {abandoned, recent, other})
    {
        fs::create_directories(dir / "sub");
    }
    const auto two_hours_ago = fs::file_time_type::clock::now() - std::chrono::hours(2);
    for (const auto& dir : {live.path(), abandoned, other})
    {
        fs::last_write_time(dir, two_hours_ago);
    }
    remove_abandoned_temp_dirs("pydeb");
    ::unsetenv("TMPDIR");
    CHECK(fs::exists(live.path()));
    CHECK_FALSE(fs::exists(abandoned));
    CHECK(fs::exists(recent));
    CHECK(fs::exists(other));
}

TEST_CASE("CacheStore::write_problem: a store that cannot be made names why")
{
    std::ofstream("a-file") << "x";
    const auto problem = CacheStore(fs::absolute("a-file/pydeb")).write_problem();
    REQUIRE(problem);
    CHECK(problem->starts_with(fs::absolute("a-file/pydeb").string() + ": "));
    CHECK_FALSE(CacheStore(fs::absolute("fine")).write_problem());
    CHECK_FALSE(CacheStore::off().write_problem());
    CHECK(fs::is_empty("fine")); // the probe is gone
}
