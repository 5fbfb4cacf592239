#include "targets/deb_control.hpp"
#include "targets/library_packages.hpp"
#include "targets/release_indexes.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace pydeb::targets;
using Names = std::vector<std::string>;

TEST_CASE("policy_package_names: Debian Policy §8.1's name for a soname, with its t64 twin")
{
    CHECK(policy_package_names("libexpat.so.1") ==
          Names{"libexpat1", "libexpat1t64", "libexpat-1", "libexpat-1t64"});
    // A library name ending in a digit takes a hyphen first.
    CHECK(policy_package_names("libbz2.so.1.0").front() == "libbz2-1.0");
    CHECK(policy_package_names("libsqlite3.so.0").front() == "libsqlite3-0");
    CHECK(policy_package_names("libyaml-0.so.2").front() == "libyaml-0-2");
    // libfoo-1.2.so: the name as is, then joined (libdb-5.3.so is in libdb5.3t64 on trixie).
    CHECK(policy_package_names("libdb-5.3.so") ==
          Names{"libdb-5.3", "libdb-5.3t64", "libdb5.3", "libdb5.3t64"});
    // Package names are lower case and have no '_' (Policy §5.6.1).
    CHECK(policy_package_names("libgcc_s.so.1").front() == "libgcc-s1");
    CHECK(policy_package_names("libstdc++.so.6").front() == "libstdc++6");
    CHECK(policy_package_names("libfoo.so") == Names{"libfoo", "libfoot64"});
    CHECK(policy_package_names("not-a-library").empty());
}

TEST_CASE("t64_twins: both sides of the 64-bit time_t transition")
{
    CHECK(t64_twins("libssl3") == Names{"libssl3", "libssl3t64"});
    CHECK(t64_twins("libssl3t64") == Names{"libssl3t64", "libssl3"});
}

TEST_CASE("WantedPaths: exact paths with or without './', DIR/*/FILE one level down only")
{
    const WantedPaths wanted(
        {"/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/*/libblas.so.3"});
    CHECK(wanted.match("./usr/lib/x86_64-linux-gnu/libz.so.1") ==
          std::filesystem::path("/usr/lib/x86_64-linux-gnu/libz.so.1"));
    CHECK(wanted.match("usr/lib/x86_64-linux-gnu/blas/libblas.so.3") ==
          std::filesystem::path("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"));
    CHECK_FALSE(wanted.match("usr/lib/x86_64-linux-gnu/a/b/libblas.so.3"));
    CHECK_FALSE(wanted.match("usr/lib/libz.so.1"));
}

TEST_CASE("deb_members: every ar member of a whole .deb, 2-aligned; a short file is refused")
{
    const auto header = [](const char* name, std::size_t size) {
        char text[61];
        std::snprintf(text, sizeof text, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name, "0", "0", "0",
                      "100644", size);
        return std::string(text);
    };
    const std::string deb = "!<arch>\n" + header("debian-binary", 4) + "2.0\n" +
                            header("control.tar.xz", 3) + "abc\n" + header("data.tar.zst/", 2) +
                            "de";
    const auto members = deb_members(deb, "x.deb");
    REQUIRE(members);
    REQUIRE(members->size() == 3);
    CHECK((*members)[1].name == "control.tar.xz");
    CHECK(deb.substr((*members)[1].offset, (*members)[1].size) == "abc");
    CHECK((*members)[2].name == "data.tar.zst");
    CHECK(deb.substr((*members)[2].offset, (*members)[2].size) == "de");
    const auto cut = deb_members(deb.substr(0, deb.size() - 1), "x.deb");
    REQUIRE_FALSE(cut);
    CHECK(cut.error().message.find("x.deb: member data.tar.zst is 2 bytes, past the end") !=
          std::string::npos);
}
