// Directories made and removed by file descriptor, optionally through a pool of spare
// directories: what the staging tree and TempDir are built from.
#pragma once

#include <filesystem>

namespace pydeb::util
{

class SpareDirectories; // spare_directories.hpp

// Remove `path` and everything below it, never following a symbolic link: by file descriptors
// (getdents, then unlinkat relative to the open directory), with no path lookup from the root per
// entry as std::filesystem::remove_all makes. Emptied directories go to `spares` when given and
// there is room. Best effort, as a cleanup is: what cannot be removed is left, and false returned.
bool remove_tree(const std::filesystem::path& path, SpareDirectories* spares = nullptr);

// mkdirat(parent, name) opened: the new, empty directory as an O_DIRECTORY descriptor with exactly
// `mode` (not narrowed by the umask), or -1 with errno (EEXIST when `name` exists). It may be a
// spare directory from `spares` (spare_directories.hpp says why); otherwise mkdirat runs.
[[nodiscard]] int create_directory_at(int parent, const char* name, unsigned mode,
                                      SpareDirectories* spares = nullptr);

} // namespace pydeb::util
