// Shared by the libFuzzer targets (tests/fuzz/*.cpp): the input as text, a scratch directory for
// the parsers that read files, and `require`, which turns a broken property (a round trip that
// does not round-trip, a file written outside its stage) into a crash libFuzzer keeps as an input.
// Memory errors, leaks and undefined behaviour need no check here: the targets are built with
// -fsanitize=fuzzer,address,undefined and no recovery (meson option `fuzzing`).
#pragma once

#include "util/files.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace pydeb::fuzz
{

inline std::string_view text(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// libFuzzer runs one input at a time in this process: one directory for its files, removed when
// the process exits normally (a crashing run leaves it, with the input that crashed).
inline const std::filesystem::path& scratch()
{
    static const auto directory = []
    {
        auto made = util::TempDir::create("pydeb-fuzz-");
        if (!made)
        {
            std::fprintf(stderr, "fuzz: no scratch directory: %s\n", made.error().message.c_str());
            std::abort();
        }
        return std::move(*made);
    }();
    return directory.path();
}

// The input as the file `name` in the scratch directory (for parsers that take a path).
inline std::filesystem::path write_input(std::string_view name, std::string_view data)
{
    const auto path = scratch() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(data.data(),
                                                                  static_cast<long>(data.size()));
    return path;
}

inline void require(bool holds, std::string_view what, std::string_view detail = {})
{
    if (!holds)
    {
        std::fprintf(stderr, "fuzz: property broken: %.*s\n%.*s\n", static_cast<int>(what.size()),
                     what.data(), static_cast<int>(detail.size()), detail.data());
        std::abort();
    }
}

} // namespace pydeb::fuzz
