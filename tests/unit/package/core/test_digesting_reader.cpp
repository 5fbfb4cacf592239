#include "package/core/digesting_reader.hpp"
#include "util/hash.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace pydeb;
using package::DigestingReader;

namespace
{

std::string random_bytes(std::size_t size, unsigned seed)
{
    std::mt19937 generator(seed);
    std::string bytes(size, '\0');
    for (char& byte : bytes)
    {
        byte = static_cast<char>(generator());
    }
    return bytes;
}

fs::path write(const fs::path& path, std::string_view bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

} // namespace

TEST_CASE("package::DigestingReader hands out every byte in order and hashes the same bytes")
{
    // Sizes around the ring's (4 KiB here): empty, smaller, equal, straddling the wrap, several
    // times larger, so the reader waits for the worker and pieces wrap around the ring's end.
    const std::vector<std::size_t> sizes{0, 1, 100, 4095, 4096, 4097, 6000, 3000, 50000, 0, 12345};
    std::vector<fs::path> files;
    for (std::size_t i = 0; i < sizes.size(); ++i)
    {
        files.push_back(write("digest/f" + std::to_string(i), random_bytes(sizes[i], i)));
    }
    for (const auto algorithm : {util::HashAlgorithm::md5, util::HashAlgorithm::sha256})
    {
        DigestingReader reader(algorithm, 4096);
        for (std::size_t i = 0; i < files.size(); ++i)
        {
            std::string received;
            const auto number = reader.read(files[i], sizes[i],
                                            [&](std::string_view piece)
                                            {
                                                received.append(piece);
                                                return pydeb::Expected<void>{};
                                            });
            REQUIRE(number.has_value());
            CHECK(*number == i);
            CHECK(received == random_bytes(sizes[i], i));
        }
        const std::vector<std::string> digests = reader.digests();
        REQUIRE(digests.size() == files.size());
        for (std::size_t i = 0; i < files.size(); ++i)
        {
            // The sequential computation the worker replaces.
            CHECK(digests[i] == util::to_hex(util::digest_file(algorithm, files[i]).value()));
        }
        CHECK_FALSE(reader.read(files[0], 0, [](std::string_view) { return Expected<void>{}; }));
    }
}

TEST_CASE("package::DigestingReader refuses files that changed, and stops after a failure")
{
    const auto ignore = [](std::string_view) { return Expected<void>{}; };
    const fs::path file = write("changed/file", random_bytes(10000, 7));
    for (const std::uint64_t listed : {9999ULL, 10001ULL, 20000ULL})
    {
        DigestingReader reader(util::HashAlgorithm::md5, 4096);
        const auto result = reader.read(file, listed, ignore);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("changed/file: file changed size") != std::string::npos);
        // Later files are refused, not read into a half-hashed state.
        CHECK_FALSE(reader.read(file, 10000, ignore).has_value());
    }

    DigestingReader reader(util::HashAlgorithm::md5, 4096);
    const auto missing = reader.read("changed/missing", 1, ignore);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message.find("changed/missing: cannot read") != std::string::npos);
}

TEST_CASE("package::DigestingReader passes on the consumer's error mid-file")
{
    const fs::path file = write("consumer/file", random_bytes(3 * 1024 * 1024, 3));
    DigestingReader reader(util::HashAlgorithm::sha256, 64 * 1024);
    std::size_t calls = 0;
    const auto result = reader.read(file, 3 * 1024 * 1024,
                                    [&](std::string_view) -> Expected<void>
                                    {
                                        if (++calls == 3)
                                        {
                                            return fail("disk full");
                                        }
                                        return {};
                                    });
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message == "disk full");
    CHECK(calls == 3);
    // The destructor stops the worker although the file's digest was never completed.
}
