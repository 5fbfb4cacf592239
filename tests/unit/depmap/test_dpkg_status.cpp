// InstalledPackages: answers come from the status file; DpkgDatabase's control files.
#include "../elf/fixtures.hpp"
#include "depmap/dpkg_database.hpp"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::depmap;
namespace fs = std::filesystem;

namespace
{

// A status changed `minutes` ago.
fs::path write_status(const std::string& name, const std::string& extra, int minutes)
{
    const fs::path dir = fs::absolute(name);
    const fs::path status = dir / "status";
    test::write_text(status, "Package: liba1\nStatus: install ok installed\nArchitecture: amd64\n"
                             "Multi-Arch: same\nVersion: 1.0-1\nDescription: a\n more\n\n"
                             "Package: gone\nStatus: deinstall ok config-files\nVersion: 1\n\n" +
                                 extra);
    fs::last_write_time(status, fs::file_time_type::clock::now() - std::chrono::minutes(minutes));
    return status;
}

} // namespace

TEST_CASE("depmap::InstalledPackages answers from the status")
{
    const auto status = write_status("status-hit", "", 60);
    InstalledPackages packages(status);
    const auto* a = packages.find("liba1");
    REQUIRE(a != nullptr);
    CHECK(a->version == "1.0-1");
    CHECK(a->architecture == "amd64");
    CHECK(a->multi_arch == "same");
    CHECK(packages.find("gone") == nullptr); // config-files only: not installed
    CHECK(packages.installed("liba1"));
    CHECK_FALSE(packages.installed("other"));
}

TEST_CASE("depmap::DpkgDatabase::read_control_file: absent, present, unreadable")
{
    const fs::path root = fs::absolute("control-root");
    test::write_text(root / "var/lib/dpkg/status",
                     "Package: libc1\nStatus: install ok installed\nArchitecture: amd64\n"
                     "Version: 1\n\n");
    test::write_text(root / "var/lib/dpkg/info/libc1.shlibs", "libc 1 libc1\n");
    fs::create_directories(root / "var/lib/dpkg/info/libc1:amd64.symbols"); // not a file
    auto db = DpkgDatabase::open(root, util::CacheStore::from_environment());
    REQUIRE(db);
    auto shlibs = db->read_control_file("libc1", "shlibs");
    REQUIRE(shlibs);
    REQUIRE(shlibs->has_value());
    CHECK((*shlibs)->text == "libc 1 libc1\n");
    CHECK((*shlibs)->path == root / "var/lib/dpkg/info/libc1.shlibs");
    CHECK(db->read_control_file("libc1", "symbols") == std::nullopt);
    CHECK(db->read_control_file("nobody", "shlibs") == std::nullopt);
    if (::geteuid() != 0) // root reads anything
    {
        fs::permissions(root / "var/lib/dpkg/info/libc1.shlibs", fs::perms::none);
        CHECK_FALSE(db->read_control_file("libc1", "shlibs"));
    }
}
