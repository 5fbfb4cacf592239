#include "adapters/archive/tar_writer.hpp"
#include "adapters/process/process.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace pydeb;
using namespace pydeb::adapters;
// Fully qualified: with pydeb::adapters used, a bare "archive" also names libarchive's struct
// archive (which tar_writer.hpp declares), and clang rightly calls that ambiguous.
using pydeb::adapters::archive::TarCompression;
using pydeb::adapters::archive::TarWriter;

TEST_CASE("adapters::TarWriter streams files in pieces and GNU tar reads them back")
{
    for (const auto compression :
         {TarCompression::none, TarCompression::gzip, TarCompression::xz, TarCompression::zstd})
    {
        const fs::path path =
            "t.tar" + std::string(pydeb::adapters::archive::tar_suffix(compression));
        auto tar = TarWriter::create(path, compression);
        REQUIRE(tar.has_value());
        REQUIRE(tar->add_directory({"./dir/", 0755, 1700000000}).has_value());
        REQUIRE(tar->begin_file({"./dir/pieces", 0644, 1700000000}, 11).has_value());
        REQUIRE(tar->write_data("hello ").has_value());
        REQUIRE(tar->write_data("").has_value());
        REQUIRE(tar->write_data("world").has_value());
        REQUIRE(tar->add_file({"./dir/whole", 0600, 1700000000}, "x\n").has_value());
        REQUIRE(tar->add_symlink({"./dir/link", 0777, 1700000000}, "whole").has_value());
        REQUIRE(tar->finish().has_value());

        fs::remove_all("x");
        fs::create_directory("x");
        const auto listed = run_process("/usr/bin/tar", {"-xf", path.string(), "-C", "x"});
        REQUIRE(listed.has_value());
        REQUIRE(listed->succeeded());
        std::ifstream pieces("x/dir/pieces");
        CHECK(std::string(std::istreambuf_iterator<char>(pieces), {}) == "hello world");
        CHECK(fs::read_symlink("x/dir/link") == "whole");
        CHECK(fs::file_size("x/dir/whole") == 2);
    }
}

TEST_CASE("adapters::TarWriter refuses file data that does not match the header's size")
{
    auto tar = TarWriter::create("short.tar", TarCompression::zstd);
    REQUIRE(tar.has_value());
    REQUIRE(tar->begin_file({"./a", 0644, 0}, 4).has_value());
    REQUIRE(tar->write_data("abc").has_value());
    const auto next = tar->add_directory({"./b/", 0755, 0});
    REQUIRE_FALSE(next.has_value());
    CHECK(next.error().message.find("./a is 1 bytes short") != std::string::npos);
    CHECK_FALSE(tar->finish().has_value());

    auto other = TarWriter::create("long.tar", TarCompression::none);
    REQUIRE(other.has_value());
    REQUIRE(other->begin_file({"./a", 0644, 0}, 2).has_value());
    const auto long_data = other->write_data("abc");
    REQUIRE_FALSE(long_data.has_value());
    CHECK(long_data.error().message.find("more data than the size in its header") !=
          std::string::npos);
}
