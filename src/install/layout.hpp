// Where a virtualenv lives: at its FINAL path (the prefix, e.g. /opt/venvs/app) inside a staging
// root, so every path written into a file (shebangs, pyvenv.cfg, RECORD, .pyc) is the final one
// while the bytes land under the stage.
#pragma once

#include "install/wheel/member.hpp"
#include "python/tags.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace pydeb::install
{

struct Layout
{
    std::filesystem::path stage_root; // absolute, exists
    std::filesystem::path prefix;     // absolute final venv path
    // Scheme directories relative to the prefix, from the interpreter's venv scheme.
    std::string purelib;
    std::string platlib;
    std::string scripts;
    std::string include; // headers go to include/<distribution>
    std::string data;    // "" = the prefix itself

    [[nodiscard]] static Layout make(std::filesystem::path stage_root, std::filesystem::path prefix,
                                     const python::InterpreterFacts& facts);

    // A path relative to the prefix, as seen from the stage root (no leading "/").
    [[nodiscard]] std::filesystem::path stage_relative(const std::filesystem::path& relative) const
    {
        return (prefix.relative_path() / relative).lexically_normal();
    }
    // The same path in the stage (where it is written) and after installation (what files say).
    [[nodiscard]] std::filesystem::path in_stage(const std::filesystem::path& relative) const
    {
        return stage_root / stage_relative(relative);
    }
    [[nodiscard]] std::filesystem::path final_path(const std::filesystem::path& relative) const
    {
        return (prefix / relative).lexically_normal();
    }
    // The scheme directory relative to the prefix; `distribution` names the headers subfolder.
    [[nodiscard]] std::filesystem::path scheme_directory(Scheme scheme,
                                                         std::string_view distribution) const;
    // The venv interpreter scripts and launchers run: PREFIX/bin/python.
    [[nodiscard]] std::string final_python() const
    {
        return final_path(std::filesystem::path(scripts) / "python").string();
    }
};

} // namespace pydeb::install
