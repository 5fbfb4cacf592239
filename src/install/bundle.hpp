// A CPython interpreter shipped inside the package (spec `python: {bundle: ...}`), so the package
// runs whatever Python the target has, or none.
//
// Where it goes: PREFIX/python (e.g. /opt/venvs/app/python), beside the venv at PREFIX, whose
// pyvenv.cfg names it as `home`. The venv stays a venv: site-packages only reach sys.path inside
// a venv on Debian-built interpreters (Debian's site.py uses dist-packages otherwise), the venv
// keeps the bundle's own site-packages out (include-system-site-packages = false), and the wheel
// installer, launchers and maintainer scripts work as with a system interpreter. The bundle is
// written at its final path inside the stage, so nothing is relocated at install time; CPython
// finds its prefix from the executable's location (the lib/pythonX.Y/os.py landmark).
//
// Sources: the build host's interpreter ("host": the binary, its standard library and
// lib-dynload, without dist-packages), a directory or a tar archive (.tar.gz/.xz/.zst/.bz2)
// holding a CPython prefix: python-build-standalone's install_only layout (python/bin/python3.X,
// python/lib/python3.X/) or any `./configure --prefix` installation.
//
// What is done to it: the runtime parts only (python/bundle_layout.hpp says what is left out),
// modes normalised (0755 / 0644), the build prefix rewritten to the final one in the files that
// record it, a sitecustomize.py that finds the target's CA bundle (templates/bundle), debug
// information stripped (strip: yes), and the standard library byte-compiled for its final paths
// (bytecode: build). Its ELF objects are mapped to distribution packages like the wheels' ones.
#pragma once

#include "install/install_options.hpp"
#include "python/bundle_layout.hpp"
#include "python/tags.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::install
{

struct BundleRequest
{
    // nullopt: the build host's interpreter `host_interpreter`.
    std::optional<std::filesystem::path> source;
    std::filesystem::path host_interpreter = "/usr/bin/python3";
    std::filesystem::path stage_root; // the interpreter is written to stage_root + prefix
    std::filesystem::path prefix;     // its final path, e.g. /opt/venvs/app/python
    std::vector<python::BundlePart> keep;
    Bytecode bytecode = Bytecode::build;
    Strip strip = Strip::yes;
};

struct BundledInterpreter
{
    // The bundle's facts: `executable` is its final path, `runnable` the staged copy.
    python::InterpreterFacts facts;
    std::int64_t newest_mtime = 0; // of the files taken from the source (the default epoch)
    std::uint64_t files = 0;       // regular files shipped
    std::uint64_t bytes = 0;       // their size as taken from the source
    std::uint64_t bytes_left_out = 0;
    std::vector<std::string> warnings;
};

// A name for the source in messages: "bundle 'python.tar.zst'" or "bundle 'host' (/usr/bin/...)".
[[nodiscard]] std::string describe_bundle_source(const BundleRequest& request);

[[nodiscard]] Expected<BundledInterpreter> bundle_interpreter(const BundleRequest& request);

// Put a bundle made by bundle_interpreter under another stage root (the package's), as hard
// links when `link` allows and both are on one file system, else as copies.
[[nodiscard]] Expected<void> place_bundle(const std::filesystem::path& from_root,
                                          const std::filesystem::path& to_root,
                                          const std::filesystem::path& prefix, LinkMode link);

} // namespace pydeb::install
