// Where the space goes: the installed size of a staged venv by distribution and by kind of file.
#pragma once

#include "util/expected.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pydeb::explain
{

enum class FileKind
{
    code,     // .py
    bytecode, // .pyc
    native,   // ELF objects (extension modules, vendored libraries, the interpreter)
    data,     // everything else: metadata, data files, scripts, headers
};
inline constexpr std::array<FileKind, 4> k_file_kinds{FileKind::code, FileKind::bytecode,
                                                      FileKind::native, FileKind::data};
[[nodiscard]] std::string_view to_string(FileKind kind);

struct Usage
{
    std::string name; // a distribution's normalized name, or one of the rows below
    std::uint64_t bytes = 0;
    std::uint64_t files = 0;
    std::array<std::uint64_t, 4> by_kind{}; // indexed by FileKind
};

// Rows for what is not a distribution's.
inline constexpr std::string_view k_interpreter_row = "(bundled interpreter)"; // PREFIX/python
inline constexpr std::string_view k_venv_row = "(venv)"; // pyvenv.cfg, bin/python links, ...

struct SpaceRequest
{
    std::filesystem::path venv;         // the staged prefix: ROOT/opt/venvs/app
    std::filesystem::path site_packages; // relative to venv: lib/python3.11/site-packages
    std::string cache_tag;               // "cpython-311": names the .pyc of a listed .py
};

// Installed size (the apparent size of each regular file, as `du --apparent-size` counts it) of
// every distribution: the files its .dist-info/RECORD lists (PEP 376), and the bytecode compiled
// for each listed .py (PEP 3147 __pycache__/NAME.TAG[.opt-N].pyc, which RECORD does not list when
// the installer, not pip, compiled it). The files no RECORD lists make the interpreter and venv
// rows. Sorted by size, largest first, then by name.
[[nodiscard]] Expected<std::vector<Usage>> installed_space(const SpaceRequest& request);

} // namespace pydeb::explain
