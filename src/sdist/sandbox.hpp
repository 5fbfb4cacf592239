// The sandbox an sdist's build backend runs in. PEP 517 builds run code from the sdist (setup.py,
// the backend's plugins, the compilers it starts) with the rights of whoever runs pydeb; the build
// needs to write only its own tree, its temporary files and the wheel. bubblewrap (bwrap(1))
// runs the hook driver and everything it starts in new namespaces where the whole file system is
// bound read-only, /tmp is a private tmpfs, and only the given directories are bound writable;
// the network is unshared too (the build requirements were installed before, so a build runs
// offline). A write elsewhere then fails with EROFS, which the build's output shows.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace pydeb::sdist
{

struct SandboxPaths
{
    // Bound read-write, in this order (absolute, symlink-free): the only places a build writes.
    std::vector<std::filesystem::path> writable;
    // Read-only directories the build reads that may lie under /tmp, which the private tmpfs
    // would hide (the command's scratch directory, with the build environment in it).
    std::vector<std::filesystem::path> visible;
    std::filesystem::path working_directory;
};

// bwrap's arguments that run `program` with `arguments` confined to `paths`: to be run as
// `bwrap ARGS...`. A pure function of its inputs, so the confinement can be read and tested.
[[nodiscard]] std::vector<std::string> bwrap_arguments(const SandboxPaths& paths,
                                                       const std::filesystem::path& program,
                                                       const std::vector<std::string>& arguments);

} // namespace pydeb::sdist
