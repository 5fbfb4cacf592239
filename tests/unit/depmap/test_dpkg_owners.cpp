// DpkgDatabase::find_owners through DpkgOwners' cache: answers come back from
// $XDG_CACHE_HOME/pydeb/dpkg-owners while dpkg's database is unchanged, and are looked up in
// info/*.list again as soon as dpkg's status or info/ changes. A hit is told apart from a scan by
// planting an answer in the cache that no list gives.
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

const fs::path k_lib = "/usr/lib/x86_64-linux-gnu/libown.so.1";

void age(const fs::path& path, int minutes)
{
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(minutes));
}

void write_status(const fs::path& root, const std::string& extra, int minutes)
{
    test::write_text(root / "var/lib/dpkg/status",
                     "Package: libown1\nStatus: install ok installed\nArchitecture: amd64\n"
                     "Version: 1\n\n" +
                         extra);
    age(root / "var/lib/dpkg/status", minutes);
}

// A root whose dpkg database was last changed an hour ago; its own cache directory.
fs::path make_root(const std::string& name)
{
    const fs::path root = fs::absolute(name);
    ::setenv("XDG_CACHE_HOME", (root / "cache").c_str(), 1);
    write_status(root, "", 60);
    test::write_text(root / "var/lib/dpkg/info/libown1.list",
                     "/.\n/usr/lib/x86_64-linux-gnu\n" + k_lib.string() + "\n");
    age(root / "var/lib/dpkg/info", 60);
    return root;
}

std::optional<std::string> owner(const fs::path& root, const fs::path& path)
{
    auto db = DpkgDatabase::open(root, util::CacheStore::from_environment());
    REQUIRE(db.has_value());
    const auto owners = db->find_owners({path}, FollowLinks::no);
    const auto it = owners.find(path);
    return it == owners.end() ? std::nullopt : std::optional(it->second);
}

fs::path cache_file(const fs::path& root)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(root / "cache/pydeb/dpkg-owners"))
    {
        files.push_back(entry.path());
    }
    REQUIRE(files.size() == 1);
    return files[0];
}

void plant(const fs::path& root)
{
    util::CacheStore(root / "cache/pydeb")
        .store(util::CacheKind::dpkg_owners, cache_file(root).filename().string(),
               k_lib.string() + "\tplanted\n/usr/lib/none\t\n");
}

} // namespace

TEST_CASE("depmap dpkg owners: an unchanged dpkg database answers from the cache")
{
    const auto root = make_root("owners-hit");
    CHECK(owner(root, k_lib) == "libown1");
    CHECK_FALSE(owner(root, "/usr/lib/none").has_value());
    plant(root);
    CHECK(owner(root, k_lib) == "planted");
}

TEST_CASE("depmap dpkg owners: a dpkg run (a changed status) makes the lists be read again")
{
    const auto root = make_root("owners-status");
    REQUIRE(owner(root, k_lib) == "libown1");
    plant(root);
    write_status(root, "Package: other\nStatus: install ok installed\nVersion: 1\n\n", 30);
    CHECK(owner(root, k_lib) == "libown1");
}

TEST_CASE("depmap dpkg owners: a new list in info/ makes the lists be read again")
{
    const auto root = make_root("owners-info");
    REQUIRE_FALSE(owner(root, "/usr/lib/x86_64-linux-gnu/libnew.so.2").has_value());
    plant(root);
    test::write_text(root / "var/lib/dpkg/info/libnew2.list",
                     "/usr/lib/x86_64-linux-gnu/libnew.so.2\n");
    write_status(root, "Package: libnew2\nStatus: install ok installed\nVersion: 1\n\n", 60);
    age(root / "var/lib/dpkg/info", 10); // dpkg changed info/ and status in one run
    CHECK(owner(root, "/usr/lib/x86_64-linux-gnu/libnew.so.2") == "libnew2");
    CHECK(owner(root, k_lib) == "libown1");
}

TEST_CASE("depmap dpkg owners: a corrupt cache only costs a scan")
{
    const auto root = make_root("owners-corrupt");
    REQUIRE(owner(root, k_lib) == "libown1");
    for (const std::string garbage : {"", "pydeb dpkg owners 1\nno tab here\n", "other format\n",
                                      "pydeb dpkg owners 1\n/usr/lib/x86_64-linux-gnu/libown.so.1"})
    {
        CAPTURE(garbage);
        test::write_text(cache_file(root), garbage);
        CHECK(owner(root, k_lib) == "libown1");
    }
}

TEST_CASE("depmap dpkg owners: a dpkg database changed just now is not cached")
{
    const auto root = make_root("owners-racy");
    write_status(root, "", 0);
    REQUIRE(owner(root, k_lib) == "libown1");
    CHECK_FALSE(fs::exists(root / "cache/pydeb/dpkg-owners"));
}
