#include "elf/scan.hpp"
#include "fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>

using namespace pydeb;
namespace fs = std::filesystem;

TEST_CASE("elf::expand_origin replaces both spellings")
{
    CHECK(elf::expand_origin("$ORIGIN/../x.libs", "/opt/v/lib") == "/opt/v/lib/../x.libs");
    CHECK(elf::expand_origin("${ORIGIN}:$ORIGIN", "/o") == "/o:/o");
    CHECK(elf::expand_origin("/usr/lib", "/o") == "/usr/lib");
}

TEST_CASE("elf::search_directories prefers RUNPATH and normalises $ORIGIN")
{
    elf::ElfObject object;
    object.install_path = "/opt/venvs/app/lib/python3.11/site-packages/foo/_ext.so";
    object.rpath = {"/ignored"};
    object.runpath = {"$ORIGIN/../foo.libs", "", "relative/dir", "/usr/lib/extra/"};
    const auto dirs = elf::search_directories(object);
    REQUIRE(dirs.size() == 2);
    CHECK(dirs[0] == "/opt/venvs/app/lib/python3.11/site-packages/foo.libs");
    CHECK(dirs[1] == "/usr/lib/extra");
    object.runpath.clear();
    CHECK(elf::search_directories(object) == std::vector<fs::path>{"/ignored"});
}

TEST_CASE("elf::scan_tree finds ELF objects and the bundle satisfies $ORIGIN-reached sonames")
{
    // A wheel-like layout: foo/_ext.so needs libvend.so.1 from foo.libs/ (auditwheel's layout)
    // and libz.so.1 from the system; bar/_plain.so has no rpath and needs libvend.so.1 too.
    const fs::path stage = fs::absolute("stage");
    const fs::path site = stage / "opt/venvs/app/lib/python3.11/site-packages";
    REQUIRE(test::compile("int vend(void) { return 2; }\n", site / "foo.libs/libvend.so.1",
                          "-shared -Wl,-soname,libvend.so.1"));
    REQUIRE(test::compile("int vend(void);\nint ext(void) { return vend(); }\n",
                          site / "foo/_ext.so",
                          "-shared -L" + (site / "foo.libs").string() +
                              " -l:libvend.so.1 -lz -Wl,-rpath,'$ORIGIN/../foo.libs'"));
    REQUIRE(test::compile("int vend(void);\nint plain(void) { return vend(); }\n",
                          site / "bar/_plain.so",
                          "-shared -L" + (site / "foo.libs").string() + " -l:libvend.so.1"));
    test::write_text(site / "foo/__init__.py", "");
    fs::create_symlink("libvend.so.1", site / "foo.libs/libvend.so");

    auto objects = elf::scan_tree(stage);
    REQUIRE(objects);
    REQUIRE(objects->size() == 3); // the symlink and the .py are not objects of their own
    const auto& plain = (*objects)[0];
    const auto& ext = (*objects)[1];
    const auto& vend = (*objects)[2];
    CHECK(plain.install_path == "/opt/venvs/app/lib/python3.11/site-packages/bar/_plain.so");
    CHECK(ext.install_path == "/opt/venvs/app/lib/python3.11/site-packages/foo/_ext.so");
    CHECK(vend.soname == std::optional<std::string>("libvend.so.1"));

    CHECK(elf::find_in_bundle(ext, "libvend.so.1", stage) ==
          std::optional<fs::path>(site / "foo.libs/libvend.so.1"));
    CHECK_FALSE(elf::find_in_bundle(ext, "libz.so.1", stage));
    // Not on _plain.so's search path: the loader would not find it, so the bundle does not count.
    CHECK_FALSE(elf::find_in_bundle(plain, "libvend.so.1", stage));
}

TEST_CASE("elf::find_in_bundle does not leave the staging root")
{
    const fs::path stage = fs::absolute("stage2");
    REQUIRE(test::compile("int v(void) { return 0; }\n", fs::absolute("outside/libout.so.1"),
                          "-shared -Wl,-soname,libout.so.1"));
    elf::ElfObject object;
    object.install_path = "/a/x.so";
    object.runpath = {"$ORIGIN/../../outside"};
    fs::create_directories(stage / "a");
    CHECK_FALSE(elf::find_in_bundle(object, "libout.so.1", stage));
}
