// Find every ELF object in a staging root and decide which of their DT_NEEDED sonames the bundle
// itself satisfies (a vendored manylinux library in NAME.libs/ reached through $ORIGIN), so only
// the rest become distro dependencies.
#pragma once

#include "elf/elf_object.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::elf
{

// Every loadable ELF object under stage_root (regular files only; symlinks are read through the
// file they name), sorted by install path. install_path is the path below stage_root as an
// absolute path: stage_root/opt/venvs/app/x.so -> /opt/venvs/app/x.so.
[[nodiscard]] Expected<std::vector<ElfObject>> scan_tree(const std::filesystem::path& stage_root);

// scan_tree over a listing of stage_root's regular files (install paths) instead of a walk: the
// same objects. A build scans once and maps every format from the result.
[[nodiscard]] Expected<std::vector<ElfObject>>
scan_files(const std::filesystem::path& stage_root, const std::vector<std::string>& install_paths);

// The directories the loader searches for the object's DT_NEEDED entries before the system
// directories, as install paths: DT_RUNPATH if present, else DT_RPATH (ld.so(8): DT_RPATH is
// ignored when DT_RUNPATH exists), with $ORIGIN / ${ORIGIN} replaced by the directory of the
// object's install path and the result normalised. Empty entries mean the current directory to
// ld.so; they are dropped because a packaged program cannot rely on its working directory.
[[nodiscard]] std::vector<std::filesystem::path> search_directories(const ElfObject& object);

// Expand $ORIGIN / ${ORIGIN} in one rpath entry (ld.so(8) "Dynamic string tokens").
[[nodiscard]] std::string expand_origin(std::string_view entry,
                                        const std::filesystem::path& origin);

// The staged library that satisfies `soname` for `object`: a file named `soname` in one of its
// search directories, inside stage_root, that is an ELF object of the same class and machine.
// nullopt when the bundle does not provide it and the system must.
[[nodiscard]] std::optional<std::filesystem::path>
find_in_bundle(const ElfObject& object, const std::string& soname,
               const std::filesystem::path& stage_root);

} // namespace pydeb::elf
