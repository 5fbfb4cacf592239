#include "targets/release_file.hpp"

#include <doctest/doctest.h>

using namespace pydeb::targets;

namespace
{

// The shape of a real Release (bookworm's, shortened): MD5Sum before SHA256, by-hash on.
constexpr std::string_view k_release =
    "Origin: Debian\n"
    "Suite: stable\n"
    "Codename: bookworm\n"
    "Acquire-By-Hash: yes\n"
    "MD5Sum:\n"
    " 0123456789abcdef0123456789abcdef 8790396 main/binary-amd64/Packages.xz\n"
    "SHA256:\n"
    " 9E0B5AABB2465B3D2E7A7FE27F9913846277833F7A2826E7767ACCCFF5B588C5 8790396 "
    "main/binary-amd64/Packages.xz\n"
    " 1111111111111111111111111111111111111111111111111111111111111111    42 main/Contents-amd64.gz\n";

} // namespace

TEST_CASE("parse_release_file reads the codename and only the SHA256 list")
{
    const auto release = parse_release_file(k_release, "URL");
    REQUIRE_MESSAGE(release.has_value(), release.error().message);
    CHECK(release->codename == "bookworm");
    CHECK(release->suite == "stable");
    CHECK(release->by_hash == ByHash::yes);
    REQUIRE(release->files.size() == 2);
    const IndexFile* packages = release->find("main/binary-amd64/Packages.xz");
    REQUIRE(packages != nullptr);
    CHECK(packages->size == 8790396);
    CHECK(packages->sha256 == "9e0b5aabb2465b3d2e7a7fe27f9913846277833f7a2826e7767acccff5b588c5");
    CHECK(release->fetch_path(*packages) ==
          "main/binary-amd64/by-hash/SHA256/"
          "9e0b5aabb2465b3d2e7a7fe27f9913846277833f7a2826e7767acccff5b588c5");
    CHECK(release->find("main/binary-amd64/Packages") == nullptr);
    CHECK(release->find("main/Contents-amd64.gz")->size == 42);
}

TEST_CASE("without Acquire-By-Hash an index is fetched by its name")
{
    std::string text(k_release);
    text.erase(text.find("Acquire-By-Hash: yes\n"), 21);
    const auto release = parse_release_file(text, "URL");
    REQUIRE(release.has_value());
    CHECK(release->fetch_path(release->files[0]) == "main/binary-amd64/Packages.xz");
}

TEST_CASE("parse_release_file refuses text that is not a Release file")
{
    CHECK(parse_release_file("<html>not found</html>\n", "http://x/InRelease").error().message ==
          "http://x/InRelease: not a Release file (no Codename or no SHA256 list)");
    CHECK(parse_release_file("Codename: bookworm\nSHA256:\n abc 1 main/x\n", "U").error().message ==
          "U: malformed SHA256 line 'abc 1 main/x' (expected HASH SIZE PATH)");
    const std::string not_hex(64, 'g');
    CHECK(parse_release_file("Codename: b\nSHA256:\n " + not_hex + " 1 main/x\n", "U").error().message ==
          "U: malformed SHA256 line '" + not_hex + " 1 main/x' (expected HASH SIZE PATH)");
}
