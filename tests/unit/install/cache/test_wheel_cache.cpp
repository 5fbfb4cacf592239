#include "install/cache/materialize.hpp"
#include "install/cache/wheel_cache.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace pydeb::install;

namespace
{

const fs::path k_prefix = "/opt/app";
const std::string k_site = "lib/python3.11/site-packages/";

void write(const fs::path& path, const std::string& text, fs::perms mode = fs::perms(0644))
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    fs::permissions(path, mode);
}

std::string slurp(const fs::path& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// An entry for a wheel with one module, its .pyc, and a script; `content` varies the module.
CacheEntry make_entry(const WheelCache& cache, const std::string& key, const std::string& content)
{
    auto scratch = cache.make_scratch();
    REQUIRE(scratch.has_value());
    const auto root = scratch->stage() / k_prefix.relative_path();
    write(root / (k_site + "ns/mod.py"), content);
    write(root / (k_site + "ns/__pycache__/mod.cpython-311.pyc"), "pyc of " + content);
    write(root / "bin/tool", "#!/opt/app/bin/python\n", fs::perms(0755));
    fs::create_directories(root / "lib");
    fs::create_symlink("lib",
                       root / "lib64"); // a venv link made for the install: not an entry file
    CacheManifest manifest;
    manifest.distribution = "demo";
    manifest.version = "1.0";
    manifest.wheel_warnings = {"a warning"};
    manifest.claims = {{k_site + "ns/mod.py", "sha-" + content}, {"bin/tool", "sha-tool"}};
    auto sealed = WheelCache::seal(*scratch, k_prefix, manifest, FileDigests::record);
    REQUIRE(sealed.has_value());
    CHECK(sealed->files == scratch->directory.path() / "files");
    return cache.publish(key, *scratch, *sealed);
}

Layout stage_layout(const fs::path& stage)
{
    fs::create_directories(stage);
    pydeb::python::InterpreterFacts facts;
    facts.major = 3;
    facts.minor = 11;
    return Layout::make(fs::absolute(stage), k_prefix, facts);
}

} // namespace

TEST_CASE("install::WheelCache commits an entry and finds it whole")
{
    const auto cache = WheelCache::open("cache1");
    REQUIRE(cache.has_value());
    const auto entry = make_entry(*cache, "k1", "A = 1\n");
    CHECK(entry.files == cache->root() / "k1" / "files");
    const auto found = cache->lookup("k1");
    REQUIRE(found.has_value());
    CHECK(found->manifest == entry.manifest);
    REQUIRE(found->manifest.files.size() == 3); // the lib64 symlink is not a file of the entry
    // XXH3-128 of "#!/opt/app/bin/python\n", as `xxhsum -H2` prints it
    CHECK(found->manifest.files[0] ==
          CacheFile{"bin/tool", 0755, 22, "45dbba48d26d543047abf44ac57507b8", FileContent::data});
    CHECK(found->manifest.files[2].path == k_site + "ns/mod.py");
    CHECK_FALSE(cache->lookup("k2").has_value());
    // Nothing but the entry is left in the cache directory (no scratch directories).
    CHECK(std::distance(fs::directory_iterator("cache1"), fs::directory_iterator()) == 1);
}

TEST_CASE("install::WheelCache records what each file is (ELF or data) with its checksum")
{
    const auto cache = WheelCache::open("cache-kinds");
    REQUIRE(cache.has_value());
    const auto seal_with = [&](FileDigests digests)
    {
        auto scratch = cache->make_scratch();
        REQUIRE(scratch.has_value());
        const auto root = scratch->stage() / k_prefix.relative_path();
        // The magic alone makes an ELF file here (gABI e_ident); "ELF" later in a file does not.
        write(root / (k_site + "_ext.so"), std::string("\x7f" "ELF\x02\x01\x01\0", 8), fs::perms(0755));
        write(root / (k_site + "notes.txt"), "an ELF file starts with \x7f" "ELF\n");
        write(root / (k_site + "tiny"), "\x7f" "EL");
        CacheManifest manifest;
        manifest.distribution = "kinds";
        manifest.version = "1";
        auto sealed = WheelCache::seal(*scratch, k_prefix, manifest, digests);
        REQUIRE(sealed.has_value());
        return sealed->manifest.files;
    };
    const auto recorded = seal_with(FileDigests::record);
    REQUIRE(recorded.size() == 3);
    CHECK(recorded[0].path == k_site + "_ext.so");
    CHECK(recorded[0].content == FileContent::elf);
    CHECK(recorded[1].content == FileContent::data);
    CHECK(recorded[2].content == FileContent::data);
    // Without checksums nothing vouches for the bytes later: no content either.
    for (const auto& file : seal_with(FileDigests::skip))
    {
        CHECK(file.content == FileContent::unknown);
    }
}

TEST_CASE("install::WheelCache removes damaged entries instead of serving them")
{
    const auto cache = WheelCache::open("cache2");
    REQUIRE(cache.has_value());
    const auto damage = [&](const std::string& key, const auto& how)
    {
        CAPTURE(key);
        (void)make_entry(*cache, key, "B = 2\n");
        REQUIRE(cache->lookup(key).has_value());
        how(cache->root() / key);
        CHECK_FALSE(cache->lookup(key).has_value());
        CHECK_FALSE(fs::exists(cache->root() / key));
    };
    damage("missing-file",
           [](const fs::path& e) { fs::remove(e / "files" / (k_site + "ns/mod.py")); });
    damage("missing-manifest", [](const fs::path& e) { fs::remove(e / "manifest"); });
    damage("truncated-manifest", [](const fs::path& e) { fs::resize_file(e / "manifest", 40); });
    damage("longer-file",
           [](const fs::path& e) { std::ofstream(e / "files/bin/tool", std::ios::app) << "x"; });
    // One bit flipped, size and mode unchanged: only the digest tells.
    damage("flipped-bit",
           [](const fs::path& e)
           {
               std::fstream file(e / "files" / (k_site + "ns/mod.py"),
                                 std::ios::in | std::ios::out | std::ios::binary);
               file.seekp(2);
               file.put('\x3c'); // '=' (0x3d) with its lowest bit flipped
           });
    damage("other-mode",
           [](const fs::path& e) { fs::permissions(e / "files/bin/tool", fs::perms(0644)); });
    damage("not-a-file",
           [](const fs::path& e)
           {
               fs::remove(e / "files/bin/tool");
               fs::create_directory(e / "files/bin/tool");
           });
    // A damaged entry in the way of a commit is replaced.
    (void)make_entry(*cache, "replaced", "C = 3\n");
    fs::remove(cache->root() / "replaced/files/bin/tool");
    const auto entry = make_entry(*cache, "replaced", "C = 3\n");
    CHECK(entry.files == cache->root() / "replaced" / "files");
    CHECK(cache->lookup("replaced").has_value());
}

TEST_CASE("install::WheelCache keeps the first of two identical commits")
{
    const auto cache = WheelCache::open("cache3");
    REQUIRE(cache.has_value());
    const auto first = make_entry(*cache, "same", "D = 4\n");
    struct stat before
    {
    }, after{};
    REQUIRE(::stat((first.files / "bin/tool").c_str(), &before) == 0);
    const auto second = make_entry(*cache, "same", "D = 4\n"); // as a concurrent pydeb would
    REQUIRE(::stat((second.files / "bin/tool").c_str(), &after) == 0);
    CHECK(second.files == first.files);
    CHECK(before.st_ino == after.st_ino);
    CHECK(std::distance(fs::directory_iterator("cache3"), fs::directory_iterator()) == 1);
}

TEST_CASE("install::WheelCache::open removes scratch directories a killed pydeb left")
{
    fs::create_directories("cache7/.tmp-old/stage");
    fs::create_directories("cache7/.tmp-new/stage");
    fs::create_directories("cache7/.trash-old/entry");
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(25);
    fs::last_write_time("cache7/.tmp-old", old);
    fs::last_write_time("cache7/.trash-old", old);
    REQUIRE(WheelCache::open("cache7").has_value());
    CHECK_FALSE(fs::exists("cache7/.tmp-old"));
    CHECK_FALSE(fs::exists("cache7/.trash-old"));
    CHECK(fs::exists("cache7/.tmp-new")); // may be a running install's
}

TEST_CASE("install::WheelCache::open refuses a directory it cannot create")
{
    std::ofstream("plain-file") << "x";
    CHECK_FALSE(WheelCache::open("plain-file/cache").has_value());
}

TEST_CASE("install::materialize hard-links or copies what the wheel's claims win")
{
    const auto cache = WheelCache::open("cache4");
    REQUIRE(cache.has_value());
    const auto entry = make_entry(*cache, "m", "E = 5\n");
    for (const auto link : {LinkMode::hardlink, LinkMode::copy})
    {
        const fs::path stage = link == LinkMode::hardlink ? "stage-link" : "stage-copy";
        const auto layout = stage_layout(stage);
        OwnerMap owners;
        REQUIRE(materialize({entry, layout, "demo.whl", "demo.whl", "cpython-311", link}, owners));
        const auto placed = stage / "opt/app" / (k_site + "ns/mod.py");
        const auto cached = entry.files / (k_site + "ns/mod.py");
        CHECK(slurp(placed) == "E = 5\n");
        CHECK(slurp(stage / "opt/app" / (k_site + "ns/__pycache__/mod.cpython-311.pyc")) ==
              "pyc of E = 5\n");
        CHECK((fs::status(stage / "opt/app/bin/tool").permissions() & fs::perms::mask) ==
              fs::perms(0755));
        CHECK_FALSE(fs::exists(stage / "opt/app/lib64"));
        struct stat a
        {
        }, b{};
        REQUIRE(::stat(placed.c_str(), &a) == 0);
        REQUIRE(::stat(cached.c_str(), &b) == 0);
        CHECK((a.st_ino == b.st_ino) == (link == LinkMode::hardlink));
        std::vector<std::string> warnings;
        CHECK(owners.check(warnings).has_value());
    }
}

TEST_CASE("install::materialize replays claims: conflicts between cached wheels are found")
{
    const auto cache = WheelCache::open("cache5");
    REQUIRE(cache.has_value());
    const auto same_a = make_entry(*cache, "a", "F = 6\n");
    const auto same_b = make_entry(*cache, "b", "F = 6\n");
    const auto other = make_entry(*cache, "c", "G = 7\n");
    {
        const auto layout = stage_layout("stage-same");
        OwnerMap owners;
        REQUIRE(materialize({same_a, layout, "a.whl", "a.whl", "cpython-311", LinkMode::hardlink},
                            owners));
        REQUIRE(materialize({same_b, layout, "b.whl", "b.whl", "cpython-311", LinkMode::hardlink},
                            owners));
        std::vector<std::string> warnings;
        CHECK(owners.check(warnings).has_value());
        // The first claimant's copy, source and .pyc alike.
        struct stat placed
        {
        }, first{};
        REQUIRE(
            ::stat(("stage-same/opt/app/" + k_site + "ns/__pycache__/mod.cpython-311.pyc").c_str(),
                   &placed) == 0);
        REQUIRE(::stat((same_a.files / (k_site + "ns/__pycache__/mod.cpython-311.pyc")).c_str(),
                       &first) == 0);
        CHECK(placed.st_ino == first.st_ino);
    }
    {
        const auto layout = stage_layout("stage-clash");
        OwnerMap owners;
        REQUIRE(materialize({same_a, layout, "a.whl", "a.whl", "cpython-311", LinkMode::hardlink},
                            owners));
        REQUIRE(materialize({other, layout, "c.whl", "c.whl", "cpython-311", LinkMode::hardlink},
                            owners));
        std::vector<std::string> warnings;
        const auto checked = owners.check(warnings);
        REQUIRE_FALSE(checked.has_value());
        CHECK(checked.error().message.find("/opt/app/" + k_site +
                                           "ns/mod.py is installed by both a.whl and c.whl") !=
              std::string::npos);
        CHECK(slurp("stage-clash/opt/app/" + k_site + "ns/mod.py") == "F = 6\n");
    }
}

TEST_CASE("install::materialize replaces an old file but never writes through a symlink")
{
    const auto cache = WheelCache::open("cache6");
    REQUIRE(cache.has_value());
    const auto entry = make_entry(*cache, "s", "H = 8\n");
    const auto layout = stage_layout("stage-old");
    write("stage-old/opt/app/bin/tool", "old\n");
    write("outside/victim", "keep\n");
    fs::create_directories("stage-old/opt/app/" + k_site + "ns");
    fs::create_symlink(fs::absolute("outside/victim"), "stage-old/opt/app/" + k_site + "ns/mod.py");
    OwnerMap owners;
    const auto placed =
        materialize({entry, layout, "s.whl", "/w/s.whl", "cpython-311", LinkMode::copy}, owners);
    REQUIRE_FALSE(placed.has_value());
    CHECK(placed.error().message.find("/w/s.whl: cannot install /opt/app/" + k_site +
                                      "ns/mod.py") == 0);
    CHECK(placed.error().message.find("symbolic link") != std::string::npos);
    CHECK(slurp("outside/victim") == "keep\n");
    CHECK(slurp("stage-old/opt/app/bin/tool") == "#!/opt/app/bin/python\n");
    CHECK(slurp(entry.files / "bin/tool") == "#!/opt/app/bin/python\n");
}
