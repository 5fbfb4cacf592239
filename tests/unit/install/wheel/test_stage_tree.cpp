#include "install/wheel/owner_map.hpp"
#include "install/wheel/stage_tree.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace pydeb::install;

TEST_CASE("install::StageTree writes with explicit modes, whatever the umask")
{
    fs::create_directories("stage");
    const auto old = ::umask(027);
    auto tree = StageTree::open("stage");
    REQUIRE(tree.has_value());
    REQUIRE(tree->write_file("opt/app/bin/tool", "#!/bin/sh\n", 0755).has_value());
    REQUIRE(tree->write_file("opt/app/lib/x.py", "x = 1\n", 0644).has_value());
    ::umask(old);
    CHECK((fs::status("stage/opt/app/bin/tool").permissions() & fs::perms::mask) ==
          fs::perms(0755));
    CHECK((fs::status("stage/opt/app/lib/x.py").permissions() & fs::perms::mask) ==
          fs::perms(0644));
    CHECK((fs::status("stage/opt/app/lib").permissions() & fs::perms::mask) == fs::perms(0755));
}

TEST_CASE("install::StageTree never writes through a symlink")
{
    fs::create_directories("stage2/opt/app");
    fs::create_directories("outside");
    fs::create_symlink(fs::absolute("outside"), "stage2/opt/app/lib");
    std::ofstream("outside/victim") << "keep";
    fs::create_symlink(fs::absolute("outside/victim"), "stage2/opt/app/file");
    auto tree = StageTree::open("stage2");
    REQUIRE(tree.has_value());
    const auto through_dir = tree->write_file("opt/app/lib/evil.py", "x", 0644);
    REQUIRE_FALSE(through_dir.has_value());
    CHECK(through_dir.error().message.find("symbolic link") != std::string::npos);
    CHECK_FALSE(fs::exists("outside/evil.py"));
    const auto through_file = tree->write_file("opt/app/file", "overwritten", 0644);
    REQUIRE_FALSE(through_file.has_value());
    std::ifstream victim("outside/victim");
    std::string content;
    victim >> content;
    CHECK(content == "keep");
}

TEST_CASE("install::OwnerMap allows identical content and names both owners otherwise")
{
    OwnerMap owners;
    CHECK(owners.claim("site/ns/__init__.py", "a.whl") == OwnerMap::Claim::write);
    CHECK(owners.claim("site/ns/__init__.py", "b.whl") == OwnerMap::Claim::skip);
    owners.set_digest("site/ns/__init__.py", "a.whl", "H1");
    owners.set_digest("site/ns/__init__.py", "b.whl", "H1");
    std::vector<std::string> warnings;
    CHECK(owners.check(warnings).has_value());

    CHECK(owners.claim("site/x.py", "a.whl") == OwnerMap::Claim::write);
    CHECK(owners.claim("site/x.py", "c.whl") == OwnerMap::Claim::skip);
    owners.set_digest("site/x.py", "a.whl", "H1");
    owners.set_digest("site/x.py", "c.whl", "H2");
    (void)owners.claim("site/X.py", "d.whl");
    const auto checked = owners.check(warnings);
    REQUIRE_FALSE(checked.has_value());
    CHECK(checked.error().message.find("/site/x.py is installed by both a.whl and c.whl") !=
          std::string::npos);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("differ only in case") != std::string::npos);
}
