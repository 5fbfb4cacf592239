// The installability memo: a repeated check is answered from $XDG_CACHE_HOME/pydeb/checks, and
// anything the answer depends on (apt list, dpkg status, the package's relations) makes it miss.
// A hit is told apart from a recompute by planting an answer in the memo that the solver would
// never give.
#include "../elf/fixtures.hpp"
#include "depmap/map.hpp"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::depmap;
namespace fs = std::filesystem;

namespace
{

const std::vector<std::string> k_planted{"planted in the memo"};

// An mtime `minutes` ago: older than the memo's "too recently modified" window.
void age(const fs::path& path, int minutes)
{
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(minutes));
}

void write_status(const fs::path& dir, const std::string& extra)
{
    test::write_text(dir / "root/var/lib/dpkg/status",
                     "Package: libold1\nStatus: install ok installed\nVersion: 1\n"
                     "Architecture: amd64\n\n" +
                         extra);
    age(dir / "root/var/lib/dpkg/status", 60);
}

void write_packages(const fs::path& dir, const std::string& extra)
{
    test::write_text(dir / "Packages",
                     "Package: libfoo1\nVersion: 1.2-1\nArchitecture: amd64\n\n" + extra);
    age(dir / "Packages", 60);
}

// A check in its own directory (the memo directory included), against fixtures aged an hour.
InstallCheck make_check(const fs::path& dir, std::vector<std::string> relations)
{
    fs::create_directories(dir);
    ::setenv("XDG_CACHE_HOME", fs::absolute(dir / "cache").c_str(), 1);
    write_packages(dir, "");
    write_status(dir, "");
    InstallCheck check;
    check.package_name = "myapp";
    check.version = "1.0-1";
    check.architecture = "amd64";
    check.relations = std::move(relations);
    check.repos = {{RepoKind::apt_packages, fs::absolute(dir / "Packages")},
                   {RepoKind::dpkg_status, fs::absolute(dir / "root")}};
    check.policy = ProblemPolicy::warn;
    check.cache = util::CacheStore(fs::absolute(dir / "cache/pydeb"));
    return check;
}

std::vector<fs::path> memos(const fs::path& dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir / "cache/pydeb/checks", ec))
    {
        out.push_back(entry.path());
    }
    return out;
}

// Replace the one memo's answer with k_planted, in the memo's own format.
void plant(const fs::path& dir)
{
    const auto files = memos(dir);
    REQUIRE(files.size() == 1);
    util::CacheStore(fs::absolute(dir / "cache/pydeb"))
        .store(util::CacheKind::checks, files[0].filename().string(), "1\n19\nplanted in the memo\n");
}

std::vector<std::string> problems_of(const InstallCheck& check)
{
    auto problems = check_installable(check);
    REQUIRE(problems.has_value());
    return *problems;
}

} // namespace

TEST_CASE("depmap check memo: an unchanged check is answered from the memo")
{
    const auto check = make_check("hit", {"libfoo1", "libnew9"});
    const auto first = problems_of(check);
    REQUIRE(first.size() == 1);
    CHECK(first[0].find("nothing provides libnew9") != std::string::npos);
    CHECK(problems_of(check) == first); // the memo's own answer
    plant("hit");
    CHECK(problems_of(check) == k_planted);
}

TEST_CASE("depmap check memo: other relations, another version, another memo")
{
    auto check = make_check("relations", {"libfoo1"});
    CHECK(problems_of(check).empty());
    plant("relations");
    check.relations.push_back("libold1");
    CHECK(problems_of(check).empty());
    check.relations.pop_back();
    check.version = "1.0-2";
    CHECK(problems_of(check).empty());
    check.version = "1.0-1";
    CHECK(problems_of(check) == k_planted);
}

TEST_CASE("depmap check memo: apt update (a changed list) makes the check run again")
{
    const auto check = make_check("apt", {"libfoo1", "libnew9"});
    REQUIRE(problems_of(check).size() == 1);
    plant("apt");
    write_packages("apt", "Package: libnew9\nVersion: 9\nArchitecture: amd64\n\n");
    CHECK(problems_of(check).empty());
}

TEST_CASE("depmap check memo: a touched list alone makes the check run again")
{
    const auto check = make_check("touch", {"libnew9"});
    const auto real = problems_of(check);
    REQUIRE(real.size() == 1);
    plant("touch");
    age("touch/Packages", 30);
    CHECK(problems_of(check) == real);
}

TEST_CASE("depmap check memo: a dpkg run (a changed status) makes the check run again")
{
    const auto check = make_check("dpkg", {"libfoo1", "libnew9"});
    REQUIRE(problems_of(check).size() == 1);
    plant("dpkg");
    write_status("dpkg", "Package: libnew9\nStatus: install ok installed\nVersion: 9\n"
                         "Architecture: amd64\n\n");
    CHECK(problems_of(check).empty());
}

TEST_CASE("depmap check memo: a corrupt memo is recomputed, never an error")
{
    const auto check = make_check("corrupt", {"libnew9"});
    const auto real = problems_of(check);
    const auto files = memos("corrupt");
    REQUIRE(files.size() == 1);
    for (const std::string garbage : {"", "pydeb installability check 1\n", "not a memo\n",
                                      "pydeb installability check 1\n2\n19\nplanted in the memo\n",
                                      "pydeb installability check 1\n1\n999\nshort\n"})
    {
        CAPTURE(garbage);
        test::write_text(files[0], garbage);
        CHECK(problems_of(check) == real);
    }
    fs::remove(files[0]);
    fs::create_directory(files[0]); // unreadable as a file, and cannot be replaced
    CHECK(problems_of(check) == real);
}

TEST_CASE("depmap check memo: a list modified just now is not memoized")
{
    const auto check = make_check("racy", {"libnew9"});
    test::write_text("racy/Packages", "Package: libfoo1\nVersion: 1.2-1\nArchitecture: amd64\n\n");
    REQUIRE(problems_of(check).size() == 1);
    CHECK(memos("racy").empty());
}

TEST_CASE("depmap check memo: a memo hit still fails the build under ProblemPolicy::error")
{
    auto check = make_check("policy", {"libnew9"});
    REQUIRE(problems_of(check).size() == 1);
    check.policy = ProblemPolicy::error;
    const auto result = check_installable(check);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.find("libnew9") != std::string::npos);
}
