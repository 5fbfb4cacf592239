// DecompressingReader against the real compressors apt lists come in: each
// tool compresses the same text, and the reader must give back exactly that text.
#include "adapters/archive/decompressing_reader.hpp"
#include "adapters/process/process.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace pydeb;
using namespace pydeb::adapters;
namespace fs = std::filesystem;

namespace
{

// Larger than several 64 KiB blocks, so reads cross block and frame boundaries.
std::string sample_text()
{
    std::string text;
    for (int i = 0; i < 20000; ++i)
    {
        text += "Package: pkg" + std::to_string(i) + "\nVersion: 1." + std::to_string(i % 97) +
                "-1\nArchitecture: amd64\nDepends: libc6 (>= 2.34)\n\n";
    }
    return text;
}

void write(const fs::path& path, std::string_view data)
{
    std::ofstream(path, std::ios::binary) << data;
}

// `TOOL -c FILE > FILE.EXT`, the way apt's and dpkg-dev's lists are made.
fs::path compress(const std::string& tool, const fs::path& input, const std::string& ext)
{
    const fs::path output = input.string() + ext;
    const auto made =
        run_process("/bin/sh", {"-c", tool + " -c " + input.string() + " > " + output.string()});
    REQUIRE(made.has_value());
    INFO(tool, ": ", made->standard_error);
    REQUIRE(made->succeeded());
    return output;
}

std::string read_all(DecompressingReader& reader)
{
    std::string out;
    std::byte buffer[10000]; // deliberately not a divisor of libarchive's block size
    for (;;)
    {
        auto count = reader.read(buffer);
        REQUIRE(count.has_value());
        if (*count == 0)
        {
            return out;
        }
        out.append(reinterpret_cast<const char*>(buffer), *count);
    }
}

} // namespace

TEST_CASE("adapters::DecompressingReader reads every compression apt lists use, and none")
{
    const std::string text = sample_text();
    write("Packages", text);
    for (const auto& [tool, ext] : std::vector<std::pair<std::string, std::string>>{
             {"lz4", ".lz4"}, {"gzip", ".gz"}, {"xz", ".xz"}, {"zstd", ".zst"}, {"bzip2", ".bz2"}})
    {
        CAPTURE(tool);
        auto reader = DecompressingReader::open(compress(tool, "Packages", ext));
        REQUIRE(reader.has_value());
        CHECK(read_all(*reader) == text);
    }
    auto plain = DecompressingReader::open("Packages");
    REQUIRE(plain.has_value());
    CHECK(read_all(*plain) == text);
}

TEST_CASE("adapters::DecompressingReader: an empty file is an empty stream")
{
    write("empty", "");
    auto reader = DecompressingReader::open("empty");
    REQUIRE(reader.has_value());
    CHECK(read_all(*reader).empty());
}

TEST_CASE("adapters::DecompressingReader names a missing file")
{
    auto reader = DecompressingReader::open("no-such-list.lz4");
    REQUIRE_FALSE(reader.has_value());
    CHECK(reader.error().message.find("no-such-list.lz4") != std::string::npos);
}

TEST_CASE("adapters::DecompressingReader names a truncated file instead of ending early")
{
    write("Packages", sample_text());
    for (const auto& [tool, ext] : std::vector<std::pair<std::string, std::string>>{
             {"lz4", ".lz4"}, {"xz", ".xz"}, {"zstd", ".zst"}, {"gzip", ".gz"}})
    {
        CAPTURE(tool);
        const auto whole = compress(tool, "Packages", ext);
        fs::resize_file(whole, fs::file_size(whole) / 2);
        // Some formats fail at the header already, the others while reading: never silently.
        auto reader = DecompressingReader::open(whole);
        Expected<std::size_t> count = 1; // bytes of the last read, until one fails
        while (reader && count && *count > 0)
        {
            std::byte buffer[10000];
            count = reader->read(buffer);
        }
        REQUIRE_FALSE((reader && count));
        const auto& error = reader ? count.error() : reader.error();
        CHECK(error.message.find("Packages" + ext) != std::string::npos);
    }
}
