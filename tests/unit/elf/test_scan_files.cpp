// elf::scan_files over a listing: the objects scan_tree finds, and the first unreadable one named.
#include "elf/scan.hpp"
#include "fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace pydeb;
namespace fs = std::filesystem;

namespace
{

const std::string k_site = "/opt/venvs/app/lib/python3.11/site-packages";

// A stage with one extension module, one data file and a symlink.
fs::path make_stage(const std::string& name)
{
    const fs::path stage = fs::absolute(name);
    const fs::path site = stage / fs::path(k_site).relative_path();
    REQUIRE(test::compile("int ext(void) { return 1; }\n", site / "pkg/_ext.so",
                          "-shared -Wl,-soname,_ext.so -lm"));
    test::write_text(site / "pkg/data.bin", "not an ELF object\n");
    test::write_text(site / "pkg/__init__.py", "");
    fs::create_symlink("_ext.so", site / "pkg/_link.so");
    return stage;
}

std::vector<std::string> found(const Expected<std::vector<elf::ElfObject>>& objects)
{
    REQUIRE(objects);
    std::vector<std::string> paths;
    for (const auto& object : *objects)
    {
        paths.push_back(object.install_path.string());
    }
    return paths;
}

} // namespace

TEST_CASE("elf::scan_files finds what scan_tree finds, sorted as paths")
{
    const auto stage = make_stage("listed");
    // "a-b" sorts before "a/" as a string, after it as a path: objects come in path order.
    REQUIRE(test::compile("int x(void) { return 0; }\n", stage / "a-b.so", "-shared"));
    REQUIRE(test::compile("int y(void) { return 0; }\n", stage / "a/z.so", "-shared"));
    const std::vector<std::string> paths{"/a-b.so", "/a/z.so", k_site + "/pkg/__init__.py",
                                         k_site + "/pkg/_ext.so", k_site + "/pkg/data.bin"};
    const auto listed = elf::scan_files(stage, paths);
    const auto walked = elf::scan_tree(stage);
    CHECK(found(listed) == found(walked));
    CHECK(found(listed) == std::vector<std::string>{"/a/z.so", "/a-b.so", k_site + "/pkg/_ext.so"});
    const auto& ext = listed->back();
    CHECK(ext.soname == walked->back().soname);
    CHECK(ext.needed == walked->back().needed);
    CHECK(ext.undefined_symbols.size() == walked->back().undefined_symbols.size());
}

TEST_CASE("elf::scan_files reports a truncated ELF file by name")
{
    const auto stage = make_stage("truncated");
    const std::string bad = k_site + "/pkg/bad.so";
    test::write_text(stage / fs::path(bad).relative_path(), std::string("\x7f"
                                                                        "ELF\x02\x01\x01",
                                                                        7));
    const auto objects = elf::scan_files(stage, {k_site + "/pkg/data.bin", bad});
    REQUIRE_FALSE(objects);
    CHECK(objects.error().message.find("bad.so") != std::string::npos);
}
