#include "util/hash.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace pydeb::util;

TEST_CASE("util::digest matches known vectors")
{
    // RECORD example from pip's tests: a file containing "c" hashes to this urlsafe-b64 sha256.
    CHECK(to_urlsafe_b64_nopad(digest(HashAlgorithm::sha256, "c")) ==
          "Ln0sA6lQeuJl7PW1NWiFpTOTogKdJBOUmXJloaJa78Y");
    CHECK(to_hex(digest(HashAlgorithm::md5, "")) == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(to_hex(digest(HashAlgorithm::sha256, "abc")) ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("util::hash_algorithm_from_name uses hashlib's names")
{
    CHECK(hash_algorithm_from_name("sha256") == HashAlgorithm::sha256);
    CHECK(hash_algorithm_from_name("sha3_256") == HashAlgorithm::sha3_256);
    CHECK_FALSE(hash_algorithm_from_name("sha").has_value());
    CHECK(hash_algorithm_name(HashAlgorithm::blake2b) == "blake2b");
}

TEST_CASE("util::to_urlsafe_b64_nopad handles every remainder")
{
    const auto bytes = [](std::string_view s) {
        std::vector<std::byte> out;
        for (char c : s)
        {
            out.push_back(static_cast<std::byte>(c));
        }
        return out;
    };
    CHECK(to_urlsafe_b64_nopad(bytes("f")) == "Zg");
    CHECK(to_urlsafe_b64_nopad(bytes("fo")) == "Zm8");
    CHECK(to_urlsafe_b64_nopad(bytes("foo")) == "Zm9v");
    CHECK(to_urlsafe_b64_nopad(bytes("\xfb\xff")) == "-_8");
}

TEST_CASE("util::checksum_file is XXH3-128 as xxhsum -H2 prints it")
{
    const auto dir = std::filesystem::temp_directory_path() / ("pydeb-checksum-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "empty").flush();
    std::ofstream(dir / "shebang") << "#!/opt/app/bin/python\n";
    // A file larger than one read buffer, so the streaming state is fed several times.
    {
        std::ofstream big(dir / "big", std::ios::binary);
        for (int i = 0; i < 300000; ++i)
        {
            big << static_cast<char>(i * 7);
        }
    }
    CHECK(checksum_file(dir / "empty") == "99aa06d3014798d86001c324468d497f");
    CHECK(checksum_file(dir / "shebang") == "45dbba48d26d543047abf44ac57507b8");
    CHECK(checksum_file(dir / "big") == "4af1e63c1a6a3df12c9f5a6f6e250a6b");
    CHECK_FALSE(checksum_file(dir / "missing").has_value());
    std::filesystem::remove_all(dir);
}
