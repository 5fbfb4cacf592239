#include "sdist/extract.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::sdist;

namespace
{

std::string refused(std::string_view name, MemberType type, std::string_view target = {})
{
    const auto result = member_path(name, type, target);
    const std::string what = std::string(name) + " was accepted";
    REQUIRE_MESSAGE(!result.has_value(), what);
    return result.error().message;
}

} // namespace

TEST_CASE("sdist::member_path keeps the members of an sdist's one directory")
{
    CHECK(member_path("fastsum-1.0/setup.py", MemberType::file).value() == "fastsum-1.0/setup.py");
    CHECK(member_path("./fastsum-1.0/src/", MemberType::directory).value() == "fastsum-1.0/src");
    CHECK(member_path("./", MemberType::directory).value().empty());
    CHECK(member_path("p-1/link", MemberType::symlink, "src/x.c").value() == "p-1/link");
    CHECK(member_path("p-1/a/link", MemberType::symlink, "../b").value() == "p-1/a/link");
    CHECK(member_path("p-1/copy", MemberType::hardlink, "p-1/orig").value() == "p-1/copy");
}

TEST_CASE("sdist::member_path refuses members that leave the directory")
{
    CHECK(refused("/etc/passwd", MemberType::file).find("absolute") != std::string::npos);
    CHECK(refused("../evil", MemberType::file).find("..") != std::string::npos);
    CHECK(refused("p-1/../../evil", MemberType::file).find("..") != std::string::npos);
    CHECK(refused("p-1/x", MemberType::symlink, "/etc").find("leaves") != std::string::npos);
    CHECK(refused("p-1/x", MemberType::symlink, "../..").find("leaves") != std::string::npos);
    // ".." after a name climbs from wherever that name leads (install::link_stays_inside).
    refused("p-1/x", MemberType::symlink, "sub/../../..");
    refused("p-1/x", MemberType::hardlink, "/etc/shadow");
    refused("p-1/x", MemberType::hardlink, "../outside");
    refused("p-1/fifo", MemberType::other);
    refused(".", MemberType::file);
    refused("p-1\\..\\evil", MemberType::file);
}
