#include "util/spare_directories.hpp"
#include "util/files.hpp"

#include <cerrno>
#include <ctime>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

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

namespace
{

const fs::path k_pool = "spare-pool";

std::size_t count_spares()
{
    std::error_code error;
    const auto pool = fs::absolute(k_pool);
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(pool, error), fs::directory_iterator()));
}

} // namespace

TEST_CASE("util::remove_tree removes everything below, never through a symbolic link")
{
    fs::create_directories("victim/keep");
    std::ofstream("victim/keep/file") << "keep";
    fs::create_directories("doomed/a/b/c");
    std::ofstream("doomed/a/b/c/file") << "x";
    std::ofstream("doomed/top") << "y";
    fs::create_directory_symlink(fs::absolute("victim"), "doomed/a/link");
    fs::create_symlink("dangling", "doomed/a/b/dangling");
    CHECK(remove_tree("doomed"));
    CHECK_FALSE(fs::exists(fs::symlink_status("doomed")));
    CHECK(fs::exists("victim/keep/file"));
    CHECK(remove_tree("doomed")); // nothing there: done already
    std::ofstream("plain") << "z";
    CHECK(remove_tree("plain"));
    CHECK_FALSE(fs::exists("plain"));
}

TEST_CASE("util::create_directory_at takes the spare directories remove_tree leaves")
{
    SpareDirectories spares(fs::absolute(k_pool));
    fs::create_directories("old/x/y");
    fs::create_directories("old/z");
    std::ofstream("old/x/y/file") << "x";
    const auto before = count_spares();
    REQUIRE(remove_tree("old", &spares));
    CHECK(count_spares() == before + 4); // old, x, y and z, emptied
    CHECK_FALSE(fs::exists("old"));

    const int parent = ::open(".", O_RDONLY | O_DIRECTORY);
    REQUIRE(parent >= 0);
    const mode_t old_umask = ::umask(077);
    const int made = create_directory_at(parent, "fresh", 0755, &spares);
    ::umask(old_umask);
    REQUIRE(made >= 0);
    ::close(made);
    CHECK(count_spares() == before + 3);
    CHECK(fs::is_empty("fresh"));
    CHECK((fs::status("fresh").permissions() & fs::perms::mask) == fs::perms(0755));
    struct stat st
    {
    };
    REQUIRE(::stat("fresh", &st) == 0);
    CHECK(std::time(nullptr) - st.st_mtime < 60); // as new as a made directory

    // A name that exists: EEXIST, and no spare used.
    CHECK(create_directory_at(parent, "fresh", 0755, &spares) == -1);
    CHECK(errno == EEXIST);
    CHECK(count_spares() == before + 3);

    // A spare someone wrote into is not handed out as new: the result is still empty.
    for (const auto& spare : fs::directory_iterator(k_pool))
    {
        std::ofstream(spare.path() / "planted") << "p";
    }
    for (const char* name : {"a", "b", "c"})
    {
        const int fd = create_directory_at(parent, name, 0700, &spares);
        REQUIRE(fd >= 0);
        ::close(fd);
        CHECK(fs::is_empty(name));
        CHECK((fs::status(name).permissions() & fs::perms::mask) == fs::perms(0700));
    }
    ::close(parent);
}

TEST_CASE("util::TempDir names and modes are mkdtemp's, spare directory or not")
{
    for (int i = 0; i < 3; ++i)
    {
        auto dir = TempDir::create("pydeb-test", fs::current_path());
        REQUIRE(dir.has_value());
        const auto name = dir->path().filename().string();
        CHECK(name.starts_with("pydeb-test-"));
        CHECK(name.size() == std::string_view("pydeb-test-XXXXXX").size());
        CHECK((fs::status(dir->path()).permissions() & fs::perms::mask) == fs::perms(0700));
        CHECK(fs::is_empty(dir->path()));
        std::ofstream(dir->path() / "file") << "x";
    }
}
