// Build tiny ELF fixtures with the system C compiler in the test's temporary directory (the unit
// main runs each executable in a fresh one), as mold's tests do: no binaries are committed.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace pydeb::test
{

inline void write_text(const std::filesystem::path& path, const std::string& text)
{
    if (path.has_parent_path())
    {
        std::filesystem::create_directories(path.parent_path());
    }
    std::ofstream(path) << text;
}

// cc SOURCE... -o OUTPUT FLAGS; returns true when the compiler succeeded.
inline bool compile(const std::string& source_text, const std::filesystem::path& output,
                    const std::string& flags)
{
    const auto source = output.string() + ".c";
    write_text(source, source_text);
    if (output.has_parent_path())
    {
        std::filesystem::create_directories(output.parent_path());
    }
    const std::string command =
        "cc -fPIC -o '" + output.string() + "' '" + source + "' " + flags + " 2>cc-errors.txt";
    return std::system(command.c_str()) == 0;
}

} // namespace pydeb::test
