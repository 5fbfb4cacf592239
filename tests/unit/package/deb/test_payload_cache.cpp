// The payload cache: what its key covers, that a damaged entry is a miss,
// and that write_package_reusing really takes data.tar from it (write_package never does).
#include "package/contents.hpp"
#include "package/deb/members.hpp"
#include "package/core/payload_cache.hpp"
#include "package/deb/payload_reuse.hpp"
#include "package/deb/writer.hpp"
#include "../stage_removal.hpp"
#include "util/cache_store.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace pydeb;
using namespace pydeb::package;
using adapters::archive::TarCompression;

namespace
{

void write(const fs::path& path, std::string_view text)
{
    if (path.has_parent_path())
    {
        fs::create_directories(path.parent_path());
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::vector<Entry> stage(const fs::path& root, std::string_view module)
{
    write(root / "opt/venvs/app/lib/mod.py", module);
    write(root / "opt/venvs/app/bin/app", "#!/bin/sh\n");
    return collect_entries(root, {}).value();
}

std::string key_of(const std::vector<Entry>& entries, std::int64_t epoch = 1700000000,
                   TarCompression compression = TarCompression::zstd)
{
    const std::vector<deb::GeneratedFile> none;
    const auto members = deb::plan_members(entries, none).value();
    return deb::payload_key(members, epoch, epoch, compression).value();
}

Entry& entry_at(std::vector<Entry>& entries, std::string_view path)
{
    const auto it = std::ranges::find(entries, path, &Entry::path);
    REQUIRE(it != entries.end());
    return *it;
}

// A package of `stage`'s two files, each named as a wheel-cache entry's (Entry::content_key).
PackageInfo cached_app(const fs::path& root)
{
    PackageInfo info;
    info.name = "app";
    info.version = "1.0";
    info.summary = "s";
    info.description = "d";
    info.maintainer = "Jane Doe <jane@example.com>";
    info.deb_architecture = "all";
    info.source_date_epoch = 1700000000;
    info.entries = stage(fs::absolute(root), "x = 1\n");
    for (Entry& entry : info.entries)
    {
        entry.content_key = entry.type == EntryType::file ? "entry-1:" + entry.path : "";
    }
    return info;
}

// The cache's files, not the lock files builds take beside them (util::CacheStore::lock_entry).
std::size_t files_in(const fs::path& dir)
{
    return static_cast<std::size_t>(
        std::ranges::count_if(fs::directory_iterator(dir), [](const fs::directory_entry& e)
                              { return !e.path().filename().string().starts_with(".lock-"); }));
}

// The data of ./opt/venvs/app/lib/mod.py in a .deb (libarchive reads ar and tar.zst alike).
std::string module_in(const fs::path& deb)
{
    const std::string bytes = util::read_file(deb).value();
    const std::size_t at = bytes.find("data.tar.zst");
    REQUIRE(at != std::string::npos);
    const std::size_t size = std::stoull(bytes.substr(at + 48, 10));
    struct archive* a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_tar(a);
    REQUIRE(archive_read_open_memory(a, bytes.data() + at + 60, size) == ARCHIVE_OK);
    std::string data;
    struct archive_entry* entry = nullptr;
    while (archive_read_next_header(a, &entry) == ARCHIVE_OK)
    {
        if (std::string(archive_entry_pathname(entry)) == "./opt/venvs/app/lib/mod.py")
        {
            char buffer[256];
            for (la_ssize_t n = 0; (n = archive_read_data(a, buffer, sizeof buffer)) > 0;)
            {
                data.append(buffer, static_cast<std::size_t>(n));
            }
        }
    }
    archive_read_free(a);
    return data;
}

} // namespace

TEST_CASE("payload key: every header field and the bytes, named by content key when given")
{
    auto entries = stage(fs::absolute("a"), "x = 1\n");
    const std::string base = key_of(entries);
    CHECK(key_of(stage(fs::absolute("b"), "x = 1\n")) == base); // where it was staged: no part
    CHECK(key_of(stage(fs::absolute("c"), "x = 2\n")) != base); // same size, other bytes
    CHECK(key_of(entries, 1700000001) != base);
    CHECK(key_of(entries, 1700000000, TarCompression::xz) != base);
    auto executable = entries;
    entry_at(executable, "/opt/venvs/app/lib/mod.py").mode ^= 0111;
    CHECK(key_of(executable) != base);

    // A content key names the bytes: files are not read, and another key is another payload.
    for (Entry& entry : entries)
    {
        entry.content_key = entry.type == EntryType::file ? "entry-1:" + entry.path : "";
    }
    const std::string keyed = key_of(entries);
    write("a/opt/venvs/app/lib/mod.py", "y = 9\n");
    CHECK(key_of(entries) == keyed);
    entry_at(entries, "/opt/venvs/app/lib/mod.py").content_key += "-other";
    CHECK(key_of(entries) != keyed);
}

TEST_CASE("payload cache: a stored entry comes back and verifies; a damaged one does not")
{
    const PayloadCache cache(fs::absolute("cache"));
    write("data.tar.zst", "compressed bytes");
    const FileDigests sums{{"/opt/a  b", std::string(32, 'a')}, {"/opt/c", std::string(64, 'c')}};
    CHECK_FALSE(cache.find("k1"));
    cache.store("k1", "data.tar.zst", sums, "123 facts");
    auto found = cache.find("k1");
    REQUIRE(found);
    CHECK(found->digests == sums);
    CHECK(found->facts == "123 facts");
    CHECK(found->fingerprint == "16 " + util::checksum_file("data.tar.zst").value());
    CHECK(util::read_file(found->data).value() == "compressed bytes");
    CHECK(cache.verify(*found));

    write(found->data, "compressed bytez"); // same size, one byte changed: only verify() sees it
    REQUIRE(cache.find("k1"));
    CHECK_FALSE(cache.verify(*cache.find("k1")));
    write(found->data, "compressed"); // shorter
    CHECK_FALSE(cache.find("k1"));
    cache.store("k1", "data.tar.zst", sums);
    REQUIRE(cache.find("k1"));
    CHECK(cache.verify(*cache.find("k1")));
    write("cache/k1.sums", "pydeb-payload 2\n");
    CHECK_FALSE(cache.find("k1"));
}

TEST_CASE("write_package_reusing takes data.tar from the payload cache, and only with its key")
{
    const util::CacheStore store(fs::absolute("xdg/pydeb"));
    PackageInfo info = cached_app("s");
    const auto build = [&](const std::string& output)
    { return deb::write_package_reusing(info, output, {}, store); };
    REQUIRE(build("one.deb"));
    CHECK(files_in("xdg/pydeb/payloads") == 2);

    // A producer that lies about its bytes gets the cached payload: proof that the files were
    // not read. With another key, or without caches, the new bytes are read.
    write("s/opt/venvs/app/lib/mod.py", "x = 2\n");
    REQUIRE(build("two.deb"));
    CHECK(util::read_file("two.deb").value() == util::read_file("one.deb").value());
    CHECK(module_in("two.deb") == "x = 1\n");
    REQUIRE(deb::write_package(info, "three.deb"));
    CHECK(module_in("three.deb") == "x = 2\n");
    entry_at(info.entries, "/opt/venvs/app/lib/mod.py").content_key += "-2";
    REQUIRE(build("four.deb"));
    CHECK(module_in("four.deb") == "x = 2\n");
    CHECK(files_in("xdg/pydeb/payloads") == 4);
}

TEST_CASE("the .deb writer says when it has read the staged files: removing them then changes nothing")
{
    const util::CacheStore store(fs::absolute("xdg-read/pydeb"));
    const auto build = [&](const std::string& output)
    {
        const PackageInfo info = cached_app("s-read");
        test::StageRemoval removal{"s-read"};
        REQUIRE(deb::write_package_reusing(info, output, removal.options(), store));
        CHECK(removal.told == 1);
        CHECK_FALSE(fs::exists("s-read"));
    };
    REQUIRE(deb::write_package(cached_app("s-read"), "plain.deb"));
    build("written.deb"); // no cached payload: data.tar is written from the stage
    build("reused.deb");  // around the cached one
    CHECK(util::read_file("written.deb").value() == util::read_file("plain.deb").value());
    CHECK(util::read_file("reused.deb").value() == util::read_file("plain.deb").value());
    CHECK(files_in("xdg-read/pydeb/payloads") == 2);
}
