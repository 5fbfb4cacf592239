#include "targets/deb_control.hpp"
#include "targets/release_indexes.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace pydeb::targets;
namespace fs = std::filesystem;

namespace
{

// An ar member header (ar(5)): name[16] mtime[12] uid[6] gid[6] mode[8] size[10] "`\n".
std::string header(std::string name, std::size_t size)
{
    char text[61];
    std::snprintf(text, sizeof text, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name.c_str(), "0", "0",
                  "0", "100644", size);
    return text;
}

// The head of a .deb: the ar magic, debian-binary ("2.0\n"), the control member's header.
std::string deb_head(const std::string& first, const std::string& second, std::size_t size)
{
    return "!<arch>\n" + header(first, 4) + "2.0\n" + header(second, size);
}

} // namespace

TEST_CASE("find_control_member: the second member of a .deb, as dpkg-deb writes it")
{
    const auto member =
        find_control_member(deb_head("debian-binary", "control.tar.xz", 1234), "libc6.deb");
    REQUIRE(member);
    CHECK(member->name == "control.tar.xz");
    CHECK(member->offset == k_deb_head_size);
    CHECK(member->size == 1234);
}

TEST_CASE("find_control_member: GNU ar's '/' terminator is not part of the name")
{
    const auto member =
        find_control_member(deb_head("debian-binary/", "control.tar.gz/", 99), "x.deb");
    REQUIRE(member);
    CHECK(member->name == "control.tar.gz");
}

TEST_CASE("find_control_member: not a .deb, or data before control, is refused naming it")
{
    const auto html = find_control_member(std::string(200, '<'), "x.deb");
    REQUIRE_FALSE(html);
    CHECK(html.error().message.find("x.deb: not a .deb (no ar magic)") != std::string::npos);
    const auto data = find_control_member(deb_head("debian-binary", "data.tar.xz", 5), "y.deb");
    REQUIRE_FALSE(data);
    CHECK(data.error().message.find("the second member is data.tar.xz") != std::string::npos);
}

TEST_CASE("find_in_contents: exact paths, DIR/*/FILE for alternatives, sections dropped")
{
    const fs::path dir = fs::temp_directory_path() / "pydeb-unit-contents";
    fs::create_directories(dir);
    const fs::path file = dir / "Contents-amd64";
    REQUIRE(pydeb::util::write_file_atomic(
        file, "usr/lib/x86_64-linux-gnu/atlas/libblas.so.3          libs/libatlas3-base\n"
              "usr/lib/x86_64-linux-gnu/blas/libblas.so.3           libs/libblas3\n"
              "usr/lib/x86_64-linux-gnu/libssl.so.3                 libs/libssl3t64,libs/x\n"
              "usr/share/doc/a file with spaces                     non-free/doc/thing\n"));
    const auto found = find_in_contents(
        {file}, {"/usr/lib/x86_64-linux-gnu/libssl.so.3", "/lib/x86_64-linux-gnu/libssl.so.3",
                 "/usr/lib/x86_64-linux-gnu/*/libblas.so.3", "/usr/share/doc/a file with spaces"});
    REQUIRE(found);
    CHECK(found->size() == 4);
    CHECK(found->at("/usr/lib/x86_64-linux-gnu/libssl.so.3") == "libssl3t64");
    CHECK(found->at("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3") == "libblas3");
    CHECK(found->at("/usr/lib/x86_64-linux-gnu/atlas/libblas.so.3") == "libatlas3-base");
    CHECK(found->at("/usr/share/doc/a file with spaces") == "thing");
    fs::remove_all(dir);
}
