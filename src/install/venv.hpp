// Create the virtualenv natively (no `python -m venv`) at its FINAL prefix inside the stage, as
// CPython 3.11's venv module lays it out (venv/__init__.py): pyvenv.cfg, bin/python3 -> target
// interpreter (absolute), bin/python and bin/python3.Y -> python3, lib/pythonX.Y/site-packages,
// lib64 -> lib, include/, and the activate scripts rendered from the interpreter's own templates
// (stdlib/venv/scripts/{common,posix}). Every path written is the final one.
#pragma once

#include "install/layout.hpp"
#include "install/wheel/owner_map.hpp"
#include "python/tags.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::install
{

struct VenvOptions
{
    std::optional<std::string> prompt; // default: the prefix's last component (as venv)
};

// The symbolic links of a venv, relative to the prefix: bin/python3 -> the interpreter,
// bin/python and bin/pythonX.Y -> python3, lib64 -> lib on 64-bit systems.
struct VenvLink
{
    std::filesystem::path path;
    std::filesystem::path target;
};
[[nodiscard]] std::vector<VenvLink> venv_links(const Layout& layout,
                                               const python::InterpreterFacts& facts);

// Returns the files written, relative to the stage root (for the owner map).
[[nodiscard]] Expected<std::vector<std::filesystem::path>>
create_venv(const Layout& layout, const python::InterpreterFacts& facts,
            const VenvOptions& options = {});

// Claim create_venv's files for "the virtualenv" in `owners`: a wheel shipping one of these paths
// conflicts with the virtualenv itself (OwnerMap::check).
void claim_venv_files(const std::vector<std::filesystem::path>& files, OwnerMap& owners);

// The pyvenv.cfg text (PEP 405), "command" naming the final prefix.
[[nodiscard]] std::string render_pyvenv_cfg(const Layout& layout,
                                            const python::InterpreterFacts& facts,
                                            std::string_view resolved_executable);

// Python's shlex.quote: unchanged when only [\w@%+=:,./-] (ASCII), else single-quoted.
[[nodiscard]] std::string shlex_quote(std::string_view text);

enum class QuoteVariables
{
    no,  // CPython before gh-124651: placeholders replaced verbatim
    yes, // shlex.quote (PowerShell quoting for .ps1), as newer venv modules do
};

struct ActivateContext
{
    std::string venv_dir;  // __VENV_DIR__: the final prefix
    std::string venv_name; // __VENV_NAME__
    std::string prompt;    // __VENV_PROMPT__: "(name) "
    std::string bin_name;  // __VENV_BIN_NAME__: "bin"
    std::string python;    // __VENV_PYTHON__: PREFIX/bin/<interpreter file name>
};

[[nodiscard]] std::string render_activate(std::string_view text, std::string_view script_name,
                                          const ActivateContext& context, QuoteVariables quote);

} // namespace pydeb::install
