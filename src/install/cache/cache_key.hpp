// The key of one installed-wheel cache entry (wheel_cache.hpp): the sha256 of everything that can
// change a byte, a name or a mode of what installing, stripping and byte-compiling one wheel
// writes. Two installs with equal keys write the same files, so an entry can stand in for one.
#pragma once

#include "install/install_options.hpp"
#include "python/tags.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace pydeb::install
{

// Bump when the installer's output or the entry format changes in a way PYDEB_VERSION misses
// (development builds share a version).
inline constexpr std::string_view k_wheel_cache_format = "pydeb-wheel-cache 1";

struct CacheKeyInputs
{
    std::string wheel_sha256;   // lower-case hex of the wheel file
    std::string wheel_filename; // its tags decided compatibility; it names the owner in messages
    std::filesystem::path prefix;
    python::InterpreterFacts interpreter; // path, version, cache tag, tags, scheme layout
    Bytecode bytecode = Bytecode::build;
    Strip strip = Strip::no;
    std::string_view launcher_template; // templates/launcher/console_script.py
};

// 64 lower-case hex digits.
[[nodiscard]] std::string wheel_cache_key(const CacheKeyInputs& inputs);

} // namespace pydeb::install
