#include "util/files.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace pydeb::util;

TEST_CASE("util::AtomicOutput appears only on commit")
{
    const fs::path target = "out/pkg.deb";
    {
        auto output = AtomicOutput::create(target);
        REQUIRE(output.has_value());
        CHECK(fs::exists(output->temporary_path()));
        CHECK_FALSE(fs::exists(target));
    }
    // Destroyed without commit: neither the package nor the temporary file remains.
    CHECK_FALSE(fs::exists(target));
    CHECK(fs::is_empty("out"));

    auto output = AtomicOutput::create(target);
    REQUIRE(output.has_value());
    REQUIRE(output->commit().has_value());
    CHECK(fs::exists(target));
    CHECK((fs::status(target).permissions() & fs::perms::all) == fs::perms(0644));
}

TEST_CASE("util::write_file_atomic and read_file round-trip")
{
    REQUIRE(write_file_atomic("a.txt", "hello\n").has_value());
    CHECK(read_file("a.txt").value() == "hello\n");
    CHECK_FALSE(read_file("missing.txt").has_value());
}

TEST_CASE("util::TempDir removes itself")
{
    fs::path where;
    {
        auto dir = TempDir::create("pydeb-test", fs::current_path());
        REQUIRE(dir.has_value());
        where = dir->path();
        CHECK(fs::is_directory(where));
    }
    CHECK_FALSE(fs::exists(where));
}
