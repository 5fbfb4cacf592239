// Script shebangs and entry-point launchers (binary distribution format spec, "Recommended
// installer features"; entry points spec, "Use for scripts"). Pure text functions.
#pragma once

#include "util/expected.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::install
{

// The first line(s) that make a script run with `interpreter` (the FINAL venv python, never a
// staging path). Linux limits a shebang to 127 bytes (BINPRM_BUF_SIZE 128) and splits it at
// spaces, so a longer or spaced path gets the /bin/sh trampoline distlib and uv use:
//   #!/bin/sh
//   '''exec' '/path with space/bin/python' "$0" "$@"
//   ' '''
// which the shell runs as exec and Python reads as a string literal. Ends with "\n".
[[nodiscard]] std::string shebang_for(std::string_view interpreter);

// .data/scripts files whose first 8 bytes are exactly "#!python" get their whole first line
// replaced (arguments dropped, pypa/installer test vectors). head is the start of the file up to
// and including its first "\n" (or the whole file if it has none). Returns the replacement for
// head, or nullopt when the script is left as it is.
[[nodiscard]] std::optional<std::string> rewrite_script_head(std::string_view head,
                                                             std::string_view interpreter);

enum class EntryPointGroup
{
    console_scripts,
    gui_scripts,
};

// One launcher from entry_points.txt: `name = module.sub:attr.inner [extra]`.
struct EntryPoint
{
    std::string name;
    std::string module;    // "module.sub"
    std::string attribute; // "attr.inner"
    EntryPointGroup group = EntryPointGroup::console_scripts;

    bool operator==(const EntryPoint&) const = default;
};

// The console_scripts and gui_scripts of an entry_points.txt (INI; "=" separates; names are
// case-sensitive; other groups are ignored; extras are accepted and ignored). Errors name the
// line: a missing ":attr", an invalid module or attribute, or an unsafe name.
[[nodiscard]] Expected<std::vector<EntryPoint>> parse_entry_points(std::string_view text);

// A launcher name becomes a file in bin/: refuse "", ".", "..", "/" and "\" (it would land
// outside bin/), control characters, and the venv's own interpreter names.
[[nodiscard]] Expected<void> check_script_name(std::string_view name);

// The launcher file: templates/launcher/console_script.py with the shebang and names filled in.
[[nodiscard]] std::string render_launcher(std::string_view launcher_template,
                                          const EntryPoint& entry_point,
                                          std::string_view interpreter);

} // namespace pydeb::install
