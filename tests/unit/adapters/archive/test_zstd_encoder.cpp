#include "adapters/archive/zstd_encoder.hpp"
#include "adapters/process/process.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <random>
#include <sstream>

using namespace pydeb;
using namespace pydeb::adapters;

namespace
{

// Compressible but not trivial: words from a small vocabulary, plus random bytes, about 11 MiB so
// that libzstd cuts more than one 8 MiB job at level 3.
std::string sample_input()
{
    std::mt19937 generator(42);
    const std::vector<std::string> words{"import ", "def ",  "return ",  "self",   ".pyc",
                                         "\n    ",  "flask", "requests", "(x, y)", "# comment\n"};
    std::string text;
    while (text.size() < 11 * 1024 * 1024)
    {
        text += words[generator() % words.size()];
        if (generator() % 16 == 0)
        {
            text += static_cast<char>(generator());
        }
    }
    return text;
}

std::string encode(std::string_view input, unsigned workers, std::size_t piece)
{
    std::string out;
    auto encoder = archive::ZstdEncoder::create(3, workers,
                                                [&out](std::string_view bytes)
                                                {
                                                    out.append(bytes);
                                                    return Expected<void>{};
                                                });
    REQUIRE(encoder.has_value());
    for (std::size_t at = 0; at < input.size(); at += piece)
    {
        REQUIRE(encoder->write(input.substr(at, piece)).has_value());
    }
    REQUIRE(encoder->finish().has_value());
    return out;
}

} // namespace

TEST_CASE(
    "adapters::ZstdEncoder output is one frame zstd(1) reads, the same for any worker count >= 1")
{
    const std::string input = sample_input();
    const std::string frame = encode(input, 2, 65536);
    // Workers and the caller's piece size change the speed, never the bytes: packages are the same
    // on every machine.
    CHECK(encode(input, 1, 65536) == frame);
    CHECK(encode(input, 3, 1000000) == frame);
    // workers 0 is the single-threaded encoder (control.tar's): other bytes, but its own are as
    // stable, and zstd(1) reads them too (below).
    const std::string single = encode(input, 0, 7777);
    CHECK(encode(input, 0, 65536) == single);
    CHECK(single != frame);

    // Frame header (RFC 8878 3.1.1.1): magic, then the descriptor: no content size, no checksum.
    REQUIRE(frame.size() > 6);
    CHECK(frame.substr(0, 4) == "\x28\xb5\x2f\xfd");
    const auto descriptor = static_cast<unsigned char>(frame[4]);
    CHECK((descriptor & 0xc0U) == 0); // Frame_Content_Size_flag
    CHECK((descriptor & 0x20U) == 0); // Single_Segment_flag
    CHECK((descriptor & 0x04U) == 0); // Content_Checksum_flag

    std::ofstream("frame.zst", std::ios::binary) << frame;
    const auto decoded = run_process("/usr/bin/zstd", {"-d", "-q", "-f", "frame.zst", "-o", "out"});
    REQUIRE(decoded.has_value());
    REQUIRE(decoded->succeeded());
    std::stringstream text;
    text << std::ifstream("out", std::ios::binary).rdbuf();
    CHECK(text.str() == input);
    std::ofstream("single.zst", std::ios::binary) << single;
    const auto single_decoded =
        run_process("/usr/bin/zstd", {"-d", "-q", "-f", "single.zst", "-o", "single-out"});
    REQUIRE(single_decoded.has_value());
    REQUIRE(single_decoded->succeeded());
    std::stringstream single_text;
    single_text << std::ifstream("single-out", std::ios::binary).rdbuf();
    CHECK(single_text.str() == input);
}

TEST_CASE("adapters::ZstdEncoder reports the output's error and refuses writes after the end")
{
    auto encoder = archive::ZstdEncoder::create(
        3, 2, [](std::string_view) -> Expected<void> { return fail("disk full"); });
    REQUIRE(encoder.has_value());
    REQUIRE(encoder->write("some bytes").has_value()); // buffered: nothing to write yet
    const auto finished = encoder->finish();
    REQUIRE_FALSE(finished.has_value());
    CHECK(finished.error().message == "disk full");
    CHECK_FALSE(encoder->write("more").has_value());
}
