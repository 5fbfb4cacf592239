// Which wheel members are safe to install, and where each one goes (binary distribution format
// spec, "Installing a wheel": spread .data/<scheme>/ into the scheme's directory, the rest into
// purelib or platlib). Pure functions: no I/O.
#pragma once

#include "util/expected.hpp"

#include <string>
#include <string_view>

namespace pydeb::install
{

// Refuse member names that could escape the target or mean different things on other systems:
// empty names or components, absolute paths, "." and ".." components, backslashes, drive letters
// ("C:"), control characters, and names that are not UTF-8 (as pip's
// _internal/operations/install/wheel.py and pypa/installer's destinations.py refuse escapes).
// The error says what is wrong with the name; the caller adds the wheel and member.
[[nodiscard]] Expected<void> check_member_name(std::string_view name);

[[nodiscard]] bool is_valid_utf8(std::string_view text);

// Whether a symlink member at `relative` pointing to `target` stays inside the tree it is
// extracted into: a relative target, whose ".." may only lead (the directories it climbs are the
// link's own, which are real, as members are never written through a symlink, stage_tree.hpp),
// while a ".." after a name climbs from wherever that name leads: with "x" -> ".", "x/x/../.." is
// two levels above the top, though it reads as ".". Used for bundles and sdists alike.
[[nodiscard]] bool link_stays_inside(const std::string& relative, const std::string& target);

// Member is inside a __pycache__ directory: skipped, as pypa/installer does, because a stale
// or hostile .pyc would shadow the source.
[[nodiscard]] bool is_pycache_member(std::string_view name);

// The install schemes a wheel's .data directory may name (sysconfig keys).
enum class Scheme
{
    purelib,
    platlib,
    scripts,
    headers,
    data,
};

[[nodiscard]] std::string_view scheme_name(Scheme scheme);

struct MemberTarget
{
    Scheme scheme;
    std::string relative; // path inside the scheme's directory
};

enum class RootIsPurelib
{
    no,
    yes,
};

// Where member `name` goes. data_dir is "<dist-info stem>.data" (PEP 427: named like
// the .dist-info directory, not derived from the file name). Errors: an unknown scheme key, or a file
// directly in .data/ or .data/<key>.
[[nodiscard]] Expected<MemberTarget>
classify_member(std::string_view name, std::string_view data_dir, RootIsPurelib root_is_purelib);

// Executables a wheel must not install into bin/: they would replace the venv's interpreter
// links (uv refuses the same names).
[[nodiscard]] bool is_reserved_script_name(std::string_view name);

} // namespace pydeb::install
