// Placing one cached file into a directory, by file descriptors (the stage side opened through
// StageTree, so never through a symlink): a hard link, or a copy made in the kernel.
#pragma once

#include "install/cache/cache_manifest.hpp"
#include "util/expected.hpp"

namespace pydeb::install
{

// Make room for `name` in `directory`: an old regular file is unlinked (never written through: it
// may be a link into the cache); a symbolic link or a directory there is refused, as StageTree
// refuses them. Nothing there is fine.
[[nodiscard]] Expected<void> make_room(int directory, const char* name);

// Hard-link `file` (relative to `source_root`) as `name` in `directory`; the link shares the
// entry's inode, mtime included. False, with errno set, when the kernel refuses (EEXIST, EXDEV,
// EMLINK, EPERM).
[[nodiscard]] bool link_file_at(int source_root, const CacheFile& file, int directory,
                                const char* name);

// Copy `file` to a new file `name` in `directory` (an old regular file is replaced) with
// copy_file_range, falling back to read/write, then set the manifest's mode.
[[nodiscard]] Expected<void> copy_file_at(int source_root, const CacheFile& file, int directory,
                                          const char* name);

} // namespace pydeb::install
