#include "package/contents.hpp"

#include <algorithm>
#include <array>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <sys/types.h>

namespace fs = std::filesystem;
using namespace pydeb::package;

namespace
{

void write(const fs::path& path, std::string_view text, fs::perms mode = fs::perms(0644))
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    fs::permissions(path, mode);
}

const Entry& find(const std::vector<Entry>& entries, std::string_view path)
{
    for (const Entry& entry : entries)
    {
        if (entry.path == path)
        {
            return entry;
        }
    }
    FAIL("no entry " << path);
    throw; // unreachable
}

// A small staging tree: a venv under /opt, a config under /etc, a symlink to a directory.
void make_stage(const fs::path& root)
{
    fs::remove_all(root);
    write(root / "opt/venvs/app/bin/app", "#!/opt/venvs/app/bin/python\n", fs::perms(0755));
    write(root / "opt/venvs/app/lib/python3.11/site-packages/app/__init__.py", "x = 1\n");
    write(root / "opt/venvs/app/share/conf.ini", "[a]\n");
    write(root / "etc/app/app.conf", "key=value\n");
    fs::create_directories(root / "usr/bin");
    fs::create_symlink("/opt/venvs/app/bin/app", root / "usr/bin/app");
    fs::create_directory_symlink("lib", root / "opt/venvs/app/lib64");
}

} // namespace

TEST_CASE("package::collect_entries describes every path, sorted, without following links")
{
    make_stage("stage");
    const std::array<timespec, 2> times{{{1000, 0}, {1234, 0}}}; // atime, mtime
    REQUIRE(::utimensat(AT_FDCWD, "stage/usr/bin/app", times.data(), AT_SYMLINK_NOFOLLOW) == 0);
    auto entries = collect_entries("stage", {});
    REQUIRE(entries.has_value());

    CHECK(std::is_sorted(entries->begin(), entries->end(),
                         [](const Entry& a, const Entry& b) { return a.path < b.path; }));
    // lib64 -> lib is a symlink entry; nothing below it appears twice.
    const Entry& lib64 = find(*entries, "/opt/venvs/app/lib64");
    CHECK(lib64.type == EntryType::symlink);
    CHECK(lib64.link_target == "lib");
    for (const Entry& entry : *entries)
    {
        CHECK_FALSE(entry.path.starts_with("/opt/venvs/app/lib64/"));
        CHECK(entry.path.starts_with("/"));
    }

    const Entry& app = find(*entries, "/opt/venvs/app/bin/app");
    CHECK(app.type == EntryType::file);
    CHECK(app.mode == 0755);
    CHECK(app.size == 28);
    CHECK(app.source == fs::path("stage/opt/venvs/app/bin/app"));

    const Entry& link = find(*entries, "/usr/bin/app");
    CHECK(link.type == EntryType::symlink);
    CHECK(link.link_target == "/opt/venvs/app/bin/app");
    CHECK(link.mtime == 1234); // the link's own (lstat), which the writers then use

    CHECK(find(*entries, "/opt").type == EntryType::directory);
    CHECK_FALSE(find(*entries, "/opt").owned_directory);
    CHECK_FALSE(find(*entries, "/usr/bin").owned_directory);
    CHECK_FALSE(find(*entries, "/etc").owned_directory);
    CHECK(find(*entries, "/opt/venvs").owned_directory);
    CHECK(find(*entries, "/opt/venvs/app").owned_directory);
    CHECK(find(*entries, "/etc/app").owned_directory);
}

TEST_CASE("package::collect_entries marks /etc files and listed paths as config files")
{
    make_stage("stage");
    auto entries = collect_entries("stage", {"/opt/venvs/app/share/conf.ini"});
    REQUIRE(entries.has_value());
    CHECK(find(*entries, "/etc/app/app.conf").config == ConfigFile::yes);
    CHECK(find(*entries, "/etc/app").config == ConfigFile::no);
    CHECK(find(*entries, "/opt/venvs/app/share/conf.ini").config == ConfigFile::yes);
    CHECK(find(*entries, "/opt/venvs/app/bin/app").config == ConfigFile::no);
}

TEST_CASE("package::collect_entries rejects bad config paths and special files")
{
    make_stage("stage");
    auto missing = collect_entries("stage", {"/etc/app/missing.conf"});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message ==
          "/etc/app/missing.conf: listed as a config file but the staging root stage has no such "
          "file");

    auto directory = collect_entries("stage", {"/etc/app"});
    REQUIRE_FALSE(directory.has_value());
    CHECK(directory.error().message ==
          "/etc/app: listed as a config file but it is not a regular file");

    REQUIRE(::mkfifo("stage/opt/venvs/app/fifo", 0644) == 0);
    auto fifo = collect_entries("stage", {});
    REQUIRE_FALSE(fifo.has_value());
    CHECK(fifo.error().message.starts_with("stage/opt/venvs/app/fifo: a socket, FIFO"));

    CHECK_FALSE(collect_entries("no-such-dir", {}).has_value());
}

TEST_CASE("package::is_shared_system_directory")
{
    CHECK(is_shared_system_directory("/"));
    CHECK(is_shared_system_directory("/usr/share/doc"));
    CHECK(is_shared_system_directory("/var/lib"));
    CHECK_FALSE(is_shared_system_directory("/opt/venvs"));
    CHECK_FALSE(is_shared_system_directory("/usr/share/doc/app"));
    CHECK_FALSE(is_shared_system_directory("/usr/"));
}

TEST_CASE("package::collect_entries agrees with a std::filesystem walk")
{
    make_stage("stage");
    // Names that sort differently path-wise and component-wise ("a-c" < "a/b"), deep directories,
    // and a link target longer than a first readlink buffer.
    write("stage/opt/a/b/c/d/e/f.txt", "deep\n");
    write("stage/opt/a-c", "dash\n");
    const std::string long_target = "../" + std::string(300, 'x') + "/target";
    fs::create_symlink(long_target, "stage/opt/a/long");
    const auto entries = collect_entries("stage", {});
    REQUIRE(entries.has_value());
    std::vector<std::string> expected;
    for (const auto& item : fs::recursive_directory_iterator("stage"))
    {
        expected.push_back("/" + item.path().lexically_relative("stage").generic_string());
        const Entry& entry = find(*entries, expected.back());
        CAPTURE(entry.path);
        CHECK(entry.source == item.path());
        const auto status = item.symlink_status();
        CHECK(entry.type == (fs::is_symlink(status)     ? EntryType::symlink
                             : fs::is_directory(status) ? EntryType::directory
                                                        : EntryType::file));
        if (entry.type == EntryType::file)
        {
            CHECK(entry.size == fs::file_size(item.path()));
            CHECK(entry.mode == static_cast<std::uint32_t>(status.permissions() & fs::perms::mask));
        }
        if (entry.type == EntryType::symlink)
        {
            CHECK(entry.link_target == fs::read_symlink(item.path()).string());
        }
    }
    std::ranges::sort(expected);
    REQUIRE(entries->size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
    {
        CHECK((*entries)[i].path == expected[i]);
    }
    CHECK(find(*entries, "/opt/a/long").link_target == long_target);
    CHECK(collect_entries("stage/", {})->front().source == fs::path("stage/etc"));
}
