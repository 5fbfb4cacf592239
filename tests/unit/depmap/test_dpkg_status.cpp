// InstalledPackages: answers come from the status file, and on a rebuild from the memo in
// $XDG_CACHE_HOME/pydeb/dpkg-status while the status is unchanged. A hit is told apart from a
// parse by planting an answer in the memo that the status does not give.
#include "../elf/fixtures.hpp"
#include "depmap/dpkg_database.hpp"
#include "depmap/file_text.hpp"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::depmap;
namespace fs = std::filesystem;

namespace
{

// A status changed `minutes` ago, in a directory with its own cache.
fs::path write_status(const std::string& name, const std::string& extra, int minutes)
{
    const fs::path dir = fs::absolute(name);
    ::setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);
    const fs::path status = dir / "status";
    test::write_text(status, "Package: liba1\nStatus: install ok installed\nArchitecture: amd64\n"
                             "Multi-Arch: same\nVersion: 1.0-1\nDescription: a\n more\n\n"
                             "Package: gone\nStatus: deinstall ok config-files\nVersion: 1\n\n" +
                                 extra);
    fs::last_write_time(status, fs::file_time_type::clock::now() - std::chrono::minutes(minutes));
    return status;
}

fs::path memo_file(const fs::path& status)
{
    std::vector<fs::path> files;
    for (const auto& entry :
         fs::directory_iterator(status.parent_path() / "cache/pydeb/dpkg-status"))
    {
        files.push_back(entry.path());
    }
    REQUIRE(files.size() == 1);
    return files[0];
}

} // namespace

TEST_CASE("depmap::InstalledPackages answers from the status, then from the memo")
{
    const auto status = write_status("status-hit", "", 60);
    {
        InstalledPackages packages(status);
        const auto* a = packages.find("liba1");
        REQUIRE(a != nullptr);
        CHECK(a->version == "1.0-1");
        CHECK(a->architecture == "amd64");
        CHECK(a->multi_arch == "same");
        CHECK(packages.find("gone") == nullptr);
        CHECK(packages.installed("liba1"));
    }
    test::write_text(memo_file(status),
                     "pydeb dpkg status 1\nliba1\tplanted\t9\t\ngone\tall\t2\tforeign\n");
    InstalledPackages again(status);
    REQUIRE(again.find("liba1") != nullptr);
    CHECK(again.find("liba1")->architecture == "planted");
    CHECK(again.find("gone") != nullptr);  // the memo answered, not the status
    CHECK(again.find("other") == nullptr); // not in the memo: the status is read
}

TEST_CASE("depmap::InstalledPackages: a changed status, a damaged memo, a recent status")
{
    auto status = write_status("status-change", "", 60);
    REQUIRE(InstalledPackages(status).find("liba1") != nullptr);
    test::write_text(memo_file(status), "pydeb dpkg status 1\nliba1\tplanted\t9\t\n");
    status = write_status("status-change",
                          "Package: libb2\nStatus: install ok installed\nVersion: 2\n\n", 30);
    CHECK(InstalledPackages(status).find("liba1")->architecture == "amd64");
    CHECK(InstalledPackages(status).find("libb2") != nullptr);

    for (const std::string garbage : {"", "other format\nliba1\n", "pydeb dpkg status 1\na\tb\n"})
    {
        CAPTURE(garbage);
        for (const auto& entry :
             fs::directory_iterator(status.parent_path() / "cache/pydeb/dpkg-status"))
        {
            test::write_text(entry.path(), garbage);
        }
        CHECK(InstalledPackages(status).find("liba1")->architecture == "amd64");
    }

    const auto racy = write_status("status-racy", "", 0);
    CHECK(InstalledPackages(racy).find("liba1") != nullptr);
    CHECK_FALSE(fs::exists(racy.parent_path() / "cache/pydeb/dpkg-status"));
}

TEST_CASE("depmap::FileText reads small files, maps large ones, refuses what is not a file")
{
    test::write_text("small.txt", "abc\n");
    test::write_text("empty.txt", "");
    const std::string large(FileText::k_read_limit + 1, 'x');
    test::write_text("large.txt", large);
    fs::create_directories("dir");
    CHECK(FileText::open("small.txt")->text() == "abc\n");
    CHECK(FileText::open("empty.txt")->text().empty());
    auto mapped = FileText::open("large.txt");
    REQUIRE(mapped);
    auto moved = std::move(*mapped);
    CHECK(moved.text() == large);
    CHECK_FALSE(FileText::open("dir"));
    CHECK(errno == EINVAL);
    CHECK_FALSE(FileText::open("missing"));
    CHECK(errno == ENOENT);
}

TEST_CASE("depmap::DpkgDatabase::read_control_file: absent, present, unreadable")
{
    const fs::path root = fs::absolute("control-root");
    test::write_text(root / "var/lib/dpkg/status",
                     "Package: libc1\nStatus: install ok installed\nArchitecture: amd64\n"
                     "Version: 1\n\n");
    test::write_text(root / "var/lib/dpkg/info/libc1.shlibs", "libc 1 libc1\n");
    fs::create_directories(root / "var/lib/dpkg/info/libc1:amd64.symbols"); // not a file
    auto db = DpkgDatabase::open(root);
    REQUIRE(db);
    auto shlibs = db->read_control_file("libc1", "shlibs");
    REQUIRE(shlibs);
    REQUIRE(shlibs->has_value());
    CHECK((*shlibs)->text.text() == "libc 1 libc1\n");
    CHECK((*shlibs)->path == root / "var/lib/dpkg/info/libc1.shlibs");
    CHECK(db->read_control_file("libc1", "symbols") == std::nullopt);
    CHECK(db->read_control_file("nobody", "shlibs") == std::nullopt);
    if (::geteuid() != 0) // root reads anything
    {
        fs::permissions(root / "var/lib/dpkg/info/libc1.shlibs", fs::perms::none);
        CHECK_FALSE(db->read_control_file("libc1", "shlibs"));
    }
}
