// check_installable against tiny repositories written by the test: an apt Packages file and a
// dpkg status file (no host state involved).
#include "../elf/fixtures.hpp"
#include "depmap/map.hpp"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::depmap;
namespace fs = std::filesystem;

namespace
{

InstallCheck make_check(std::vector<std::string> relations)
{
    // Keep the .solv caches in this test's directory, not in ~/.cache.
    ::setenv("XDG_CACHE_HOME", fs::absolute("cache").c_str(), 1);
    test::write_text("Packages", "Package: libfoo1\nVersion: 1.2-1\nArchitecture: amd64\n\n"
                                 "Package: python3.11\nVersion: 3.11.2-6\nArchitecture: amd64\n"
                                 "Depends: libpython3.11-stdlib (= 3.11.2-6)\n\n"
                                 "Package: libpython3.11-stdlib\nVersion: 3.11.2-6\n"
                                 "Architecture: amd64\n\n"
                                 "Package: libbar2\nVersion: 2.0-1\nArchitecture: all\n"
                                 "Depends: libgone0\n\n");
    test::write_text("root/var/lib/dpkg/status",
                     "Package: libold1\nStatus: install ok installed\nVersion: 1\n"
                     "Architecture: amd64\n\n"
                     "Package: libremoved1\nStatus: deinstall ok config-files\nVersion: 1\n"
                     "Architecture: amd64\n\n");
    InstallCheck check;
    check.package_name = "myapp";
    check.version = "1.0-1";
    check.architecture = "amd64";
    check.relations = std::move(relations);
    check.repos = {{RepoKind::apt_packages, fs::absolute("Packages")},
                   {RepoKind::dpkg_status, fs::absolute("root")}};
    check.policy = ProblemPolicy::warn;
    return check;
}

bool mentions(const std::vector<std::string>& problems, const std::string& text)
{
    return std::ranges::any_of(problems,
                               [&](const auto& p) { return p.find(text) != std::string::npos; });
}

} // namespace

TEST_CASE("depmap::check_installable accepts a satisfiable package")
{
    auto problems = check_installable(
        make_check({"libfoo1 (>= 1.0)", "python3.11", "libold1", "libmissing | libfoo1"}));
    REQUIRE(problems);
    CHECK(problems->empty());
}

TEST_CASE("depmap::check_installable names every problem")
{
    auto problems = check_installable(make_check(
        {"libdoesnotexist9", "libfoo1 (>= 2.0)", "libremoved1", "libbar2", "python3.11"}));
    REQUIRE(problems);
    CHECK(mentions(*problems, "nothing provides libdoesnotexist9 needed by myapp-1.0-1"));
    CHECK(mentions(*problems, "nothing provides libfoo1 >= 2.0 needed by myapp"));
    CHECK(mentions(*problems, "nothing provides libremoved1 needed by myapp"));
    CHECK(mentions(*problems, "nothing provides libgone0 needed by libbar2-2.0-1"));
}

TEST_CASE("depmap::check_installable accepts a package without relations")
{
    auto problems = check_installable(make_check({}));
    REQUIRE(problems);
    CHECK(problems->empty());
}

TEST_CASE("depmap::check_installable turns problems into an error under ProblemPolicy::error")
{
    auto check = make_check({"libdoesnotexist9"});
    check.policy = ProblemPolicy::error;
    auto result = check_installable(check);
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("libdoesnotexist9") != std::string::npos);
}
