// The .rpm's payload reuse: what its key covers, that write_package_reusing really takes the
// payload and FILEDIGESTS from the cache (write_package never does), and that a damaged entry is
// a miss, never a damaged package.
#include "package/contents.hpp"
#include "package/rpm/payload_reuse.hpp"
#include "package/rpm/writer.hpp"
#include "../stage_removal.hpp"
#include "util/cache_store.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace pydeb;
using namespace pydeb::package;

namespace
{

void write(const fs::path& path, std::string_view text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

PackageInfo app(std::string_view module)
{
    fs::remove_all("s");
    write("s/opt/venvs/app/lib/mod.py", module);
    write("s/opt/venvs/app/bin/app", "#!/bin/sh\n");
    fs::create_symlink("/usr/bin/python3", "s/opt/venvs/app/bin/python");
    PackageInfo info;
    info.name = "app";
    info.version = "1.0";
    info.release = "1";
    info.summary = "s";
    info.description = "d";
    info.maintainer = "Jane Doe <jane@example.com>";
    info.license = "MIT";
    info.rpm_architecture = "noarch";
    info.source_date_epoch = 1700000000;
    info.entries = collect_entries(fs::absolute("s"), {}).value();
    for (Entry& entry : info.entries)
    {
        entry.content_key = entry.type == EntryType::file ? "entry-1:" + entry.path : "";
    }
    return info;
}

Entry& entry_at(std::vector<Entry>& entries, std::string_view path)
{
    const auto it = std::ranges::find(entries, path, &Entry::path);
    REQUIRE(it != entries.end());
    return *it;
}

std::size_t payloads_in(const fs::path& dir)
{
    return static_cast<std::size_t>(
        std::ranges::count_if(fs::directory_iterator(dir), [](const fs::directory_entry& e)
                              { return e.path().extension() == ".data"; }));
}

// rpm's own check of the header and payload digests (rpmkeys -K without signatures).
bool rpm_verifies(const std::string& package)
{
    return std::system(("rpmkeys --checksig --nosignature " + package + " >/dev/null").c_str()) == 0;
}

} // namespace

TEST_CASE("rpm payload key: header fields, bytes (by content key when given) and the compressor")
{
    auto info = app("x = 1\n");
    auto files = rpm::plan_files(info.entries, info.source_date_epoch).value();
    const auto zstd = rpm::compressor_for(Compression::zstd).value();
    const std::string base = rpm::payload_key(files, zstd).value();
    CHECK(rpm::payload_key(files, rpm::compressor_for(Compression::gzip).value()) != base);
    auto later = rpm::plan_files(info.entries, info.source_date_epoch.value() + 1).value();
    CHECK(rpm::payload_key(later, zstd) != base);
    entry_at(info.entries, "/opt/venvs/app/lib/mod.py").content_key += "-2";
    files = rpm::plan_files(info.entries, info.source_date_epoch).value();
    CHECK(rpm::payload_key(files, zstd) != base);
    // Without a content key the file's bytes are read.
    for (Entry& entry : info.entries)
    {
        entry.content_key.clear();
    }
    files = rpm::plan_files(info.entries, info.source_date_epoch).value();
    const std::string read = rpm::payload_key(files, zstd).value();
    write("s/opt/venvs/app/lib/mod.py", "x = 2\n");
    CHECK(rpm::payload_key(files, zstd) != read);
}

TEST_CASE("rpm::write_package_reusing takes the payload from the cache, only with its key")
{
    const util::CacheStore store(fs::absolute("xdg/pydeb"));
    auto info = app("x = 1\n");
    const auto build = [&](const std::string& output)
    { return rpm::write_package_reusing(info, output, {}, store); };
    REQUIRE(build("one.rpm"));
    CHECK(payloads_in("xdg/pydeb/payloads") == 1);
    REQUIRE(rpm::write_package(info, "plain.rpm"));
    CHECK(util::read_file("one.rpm").value() == util::read_file("plain.rpm").value());
    CHECK(rpm_verifies("one.rpm"));

    // A producer that lies about its bytes gets the cached payload and digests: proof that the
    // files were not read. Without the cache, or with another key, the new bytes are read.
    write("s/opt/venvs/app/lib/mod.py", "x = 2\n");
    REQUIRE(build("two.rpm"));
    CHECK(util::read_file("two.rpm").value() == util::read_file("one.rpm").value());
    REQUIRE(rpm::write_package(info, "three.rpm"));
    CHECK(util::read_file("three.rpm").value() != util::read_file("one.rpm").value());
    entry_at(info.entries, "/opt/venvs/app/lib/mod.py").content_key += "-2";
    REQUIRE(build("four.rpm"));
    CHECK(payloads_in("xdg/pydeb/payloads") == 2);
    CHECK(util::read_file("four.rpm").value() == util::read_file("three.rpm").value());
    CHECK(rpm_verifies("four.rpm"));

    // A bit flipped in the cached payload: a miss, the package is made afresh and is whole.
    for (const auto& file : fs::directory_iterator("xdg/pydeb/payloads"))
    {
        if (file.path().extension() == ".data")
        {
            std::string bytes = util::read_file(file.path()).value();
            bytes[bytes.size() / 2] ^= 0x01;
            fs::remove(file.path()); // entries are hard links to the package's scratch payload
            write(file.path(), bytes);
        }
    }
    REQUIRE(build("five.rpm"));
    CHECK(util::read_file("five.rpm").value() == util::read_file("three.rpm").value());
    CHECK(rpm_verifies("five.rpm"));
}

TEST_CASE("the .rpm writer says when it has read the staged files: removing them then changes nothing")
{
    const util::CacheStore store(fs::absolute("xdg-read/pydeb"));
    REQUIRE(rpm::write_package(app("x = 1\n"), "plain-read.rpm"));
    for (const std::string output : {"written.rpm", "reused.rpm"}) // no cached payload, then one
    {
        auto info = app("x = 1\n");
        test::StageRemoval removal{"s"};
        REQUIRE(rpm::write_package_reusing(info, output, removal.options(), store));
        CHECK(removal.told == 1);
        CHECK_FALSE(fs::exists("s"));
        CHECK(util::read_file(output).value() == util::read_file("plain-read.rpm").value());
        CHECK(rpm_verifies(output));
    }
    CHECK(payloads_in("xdg-read/pydeb/payloads") == 1);
}
