#include "adapters/archive/zip_reader.hpp"
#include "adapters/process/process.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace pydeb::adapters;

namespace
{

// The fixture is made by CPython's zipfile (the writer wheels come from): modes in the external
// attributes, a symlink, a directory, a backslash name, and a deflated member larger than one read.
void make_fixture()
{
    const auto made = run_process("/usr/bin/python3", {"-c", R"PY(
import stat, zipfile
with zipfile.ZipFile("fixture.zip", "w", zipfile.ZIP_DEFLATED) as z:
    def add(name, data, mode):
        info = zipfile.ZipInfo(name)
        info.create_system = 3
        info.external_attr = mode << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    add("pkg/", b"", stat.S_IFDIR | 0o755)
    add("pkg/tool", b"#!/bin/sh\n", stat.S_IFREG | 0o755)
    add("pkg/big.txt", b"0123456789" * 100000, stat.S_IFREG | 0o644)
    add("pkg/link", b"../../etc/passwd", stat.S_IFLNK | 0o777)
    add("pkg\\win.py", b"x", stat.S_IFREG | 0o644)
)PY"});
    REQUIRE(made.has_value());
    REQUIRE(made->succeeded());
}

} // namespace

TEST_CASE("adapters::ZipReader streams members with modes and types")
{
    make_fixture();
    auto reader = ZipReader::open("fixture.zip");
    REQUIRE(reader.has_value());
    std::map<std::string, ZipEntry> entries;
    std::size_t big = 0;
    while (auto entry = reader->next())
    {
        REQUIRE(entry.has_value());
        if (!*entry)
        {
            break;
        }
        if ((*entry)->name == "pkg/big.txt")
        {
            std::byte buffer[4096];
            while (const auto count = reader->read(buffer).value())
            {
                big += count;
            }
        }
        if ((*entry)->name == "pkg/tool")
        {
            CHECK(reader->read_all(1024).value() == "#!/bin/sh\n");
        }
        entries.emplace((*entry)->name, **entry);
    }
    CHECK(big == 1000000);
    REQUIRE(entries.contains("pkg/tool"));
    CHECK(entries.at("pkg/tool").mode == 0755);
    CHECK(entries.at("pkg/tool").type == ZipEntryType::file);
    CHECK(entries.at("pkg/big.txt").mode == 0644);
    CHECK(entries.at("pkg/big.txt").size == 1000000U);
    CHECK(entries.at("pkg/").type == ZipEntryType::directory);
    CHECK(entries.at("pkg/link").type == ZipEntryType::symlink);
}

TEST_CASE("adapters::ZipReader::central_directory_names keeps names as stored")
{
    make_fixture();
    const auto names = ZipReader::central_directory_names("fixture.zip");
    REQUIRE(names.has_value());
    CHECK(*names ==
          std::vector<std::string>{"pkg/", "pkg/tool", "pkg/big.txt", "pkg/link", "pkg\\win.py"});
}

TEST_CASE("adapters::ZipReader refuses what is not a zip, and limits read_all")
{
    const auto made = run_process("/bin/sh", {"-c", "echo not a zip > bad.zip"});
    REQUIRE(made.has_value());
    const auto bad = ZipReader::open("bad.zip");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.find("bad.zip") != std::string::npos);
    CHECK_FALSE(ZipReader::central_directory_names("bad.zip").has_value());
    CHECK_FALSE(ZipReader::central_directory_names("missing.zip").has_value());

    make_fixture();
    auto reader = ZipReader::open("fixture.zip");
    REQUIRE(reader.has_value());
    while (auto entry = reader->next().value())
    {
        if (entry->name == "pkg/big.txt")
        {
            const auto limited = reader->read_all(1000);
            REQUIRE_FALSE(limited.has_value());
            CHECK(limited.error().message.find("fixture.zip: pkg/big.txt") != std::string::npos);
        }
    }
}
