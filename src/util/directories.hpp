// Directories made and removed by file descriptor, with a pool of spare directories: what the
// staging tree and TempDir are built from.
#pragma once

#include <filesystem>

namespace pydeb::util
{

// Remove `path` and everything below it, never following a symbolic link: by file descriptors
// (getdents, then unlinkat relative to the open directory), with no path lookup from the root per
// entry as std::filesystem::remove_all makes. Emptied directories go to the spare directories
// (below) when there is room. Best effort, as a cleanup is: what cannot be removed is left, and
// false returned.
bool remove_tree(const std::filesystem::path& path);

// mkdirat(parent, name) opened: the new, empty directory as an O_DIRECTORY descriptor with exactly
// `mode` (not narrowed by the umask), or -1 with errno (EEXIST when `name` exists). It may be a
// spare directory: remove_tree and this recycle directories through CACHE/spare-directories
// (util::cache_directory) by rename, because freeing a directory is what costs on a file system
// mounted with `discard` (each rmdir trims its block: 0.1-2 ms measured, against 10 us for a
// rename), and inodes freed in the last minute slow every mkdir on ext4 without a journal. A
// spare is taken only when it is as mkdir would make it (empty, our uid and gid, the parent not
// setgid) and gets the time of now; otherwise, and with the cache off, mkdirat runs.
[[nodiscard]] int create_directory_at(int parent, const char* name, unsigned mode);

} // namespace pydeb::util
