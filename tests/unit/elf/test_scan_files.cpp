// elf::scan_files over a listing, and ObjectMemo: a named file (content key) once found to be no
// ELF object is not opened again while its name stays the same. A memo hit is told apart from a
// read by giving a named file ELF bytes under its old name, which only a real read would see.
#include "elf/object_memo.hpp"
#include "elf/scan.hpp"
#include "fixtures.hpp"
#include "util/cache_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>

using namespace pydeb;
namespace fs = std::filesystem;

namespace
{

const std::string k_site = "/opt/venvs/app/lib/python3.11/site-packages";

// A stage with one extension module, one data file and a symlink; its own cache directory.
fs::path make_stage(const std::string& name)
{
    const fs::path stage = fs::absolute(name);
    ::setenv("XDG_CACHE_HOME", (stage.string() + "-cache").c_str(), 1);
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

// StagedFile holds views: the listing owns the strings they point into.
struct Listing
{
    std::vector<std::pair<std::string, std::string>> owned; // install path, content key
    [[nodiscard]] std::vector<elf::StagedFile> files() const
    {
        std::vector<elf::StagedFile> out;
        for (const auto& [path, key] : owned)
        {
            out.push_back({path, key});
        }
        return out;
    }
};

std::vector<std::string> scan(const fs::path& stage, const Listing& listing)
{
    return found(elf::scan_files(stage, listing.files()));
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
    Listing listing;
    for (const auto& path : paths)
    {
        listing.owned.emplace_back(path, path.ends_with(".py") ? "" : "key:" + path);
    }
    const auto listed = elf::scan_files(stage, listing.files());
    const auto walked = elf::scan_tree(stage);
    CHECK(found(listed) == found(walked));
    CHECK(found(listed) == std::vector<std::string>{"/a/z.so", "/a-b.so", k_site + "/pkg/_ext.so"});
    const auto& ext = listed->back();
    CHECK(ext.soname == walked->back().soname);
    CHECK(ext.needed == walked->back().needed);
    CHECK(ext.undefined_symbols.size() == walked->back().undefined_symbols.size());
}

TEST_CASE("elf::scan_files does not open a named file it found to be no ELF object")
{
    const auto stage = make_stage("memo");
    const fs::path site = stage / fs::path(k_site).relative_path();
    const std::string ext = k_site + "/pkg/_ext.so";
    const std::string data = k_site + "/pkg/data.bin";
    const Listing listing{{{ext, "entry:" + ext}, {data, "entry:" + data}}};
    REQUIRE(scan(stage, listing) == std::vector<std::string>{ext});
    REQUIRE(elf::ObjectMemo::for_files(listing.files()));
    CHECK(fs::exists(elf::ObjectMemo::for_files(listing.files())->path()));

    // Bytes that changed under the same name are not seen: the memo answered.
    fs::copy_file(site / "pkg/_ext.so", site / "pkg/data.bin",
                  fs::copy_options::overwrite_existing);
    CHECK(scan(stage, listing) == std::vector<std::string>{ext});
    // A new name for them, or no name, and they are read.
    CHECK(scan(stage, Listing{{{ext, "entry:" + ext}, {data, "entry2:" + data}}}) ==
          std::vector<std::string>{ext, data});
    CHECK(scan(stage, Listing{{{ext, "entry:" + ext}, {data, ""}}}) ==
          std::vector<std::string>{ext, data});
    // The install path is part of the key as much as the content key is.
    CHECK(scan(stage, Listing{{{ext, "entry:" + ext}, {data, "entry:" + ext}}}) ==
          std::vector<std::string>{ext, data});
}

TEST_CASE("elf::ObjectMemo: a damaged memo or caches turned off only cost a read")
{
    const auto stage = make_stage("damaged");
    const fs::path site = stage / fs::path(k_site).relative_path();
    const std::string ext = k_site + "/pkg/_ext.so";
    const std::string data = k_site + "/pkg/data.bin";
    const Listing listing{{{ext, "e:" + ext}, {data, "e:" + data}}};
    REQUIRE(scan(stage, listing).size() == 1);
    const auto memo = elf::ObjectMemo::for_files(listing.files());
    REQUIRE(memo);
    fs::copy_file(site / "pkg/_ext.so", site / "pkg/data.bin",
                  fs::copy_options::overwrite_existing);
    const std::vector<std::string> damaged{"",
                                           "pydeb elf objects 1\n",
                                           "other\n0\n",
                                           "pydeb elf objects 1\nx\n",
                                           "pydeb elf objects 1\n2\n" + ext + "\n",
                                           "pydeb elf objects 1\n1\n" + ext};
    for (const auto& garbage : damaged)
    {
        CAPTURE(garbage);
        test::write_text(memo->path(), garbage);
        CHECK_FALSE(memo->read());
        CHECK(scan(stage, listing).size() == 2); // all read, and a good memo written
        CHECK(memo->read() == elf::ObjectMemo::Paths{ext, data});
    }
    util::set_cache_policy(util::CachePolicy::bypass);
    CHECK_FALSE(elf::ObjectMemo::for_files(listing.files()));
    util::set_cache_policy(util::CachePolicy::use);
    CHECK_FALSE(elf::ObjectMemo::for_files({{data, ""}})); // nothing named
    CHECK_FALSE(elf::ObjectMemo::for_files({{"/a\nb", "k"}}));
}

TEST_CASE("elf::scan_files reports a truncated ELF file and remembers nothing")
{
    const auto stage = make_stage("truncated");
    const std::string bad = k_site + "/pkg/bad.so";
    test::write_text(stage / fs::path(bad).relative_path(), std::string("\x7f"
                                                                        "ELF\x02\x01\x01",
                                                                        7));
    Listing listing{{{bad, "k:" + bad}, {k_site + "/pkg/data.bin", "k:data"}}};
    for (int i = 0; i < 12; ++i) // enough files for the helper thread
    {
        listing.owned.emplace_back(k_site + "/pkg/__init__.py", "k:" + std::to_string(i));
    }
    const auto objects = elf::scan_files(stage, listing.files());
    REQUIRE_FALSE(objects);
    CHECK(objects.error().message.find("bad.so") != std::string::npos);
    CHECK_FALSE(fs::exists(elf::ObjectMemo::for_files(listing.files())->path()));
}
