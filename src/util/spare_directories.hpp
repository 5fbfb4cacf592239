// The pool of spare directories behind create_directory_at and remove_tree (directories.hpp):
// emptied stage directories renamed into CACHE/spare-directories and renamed out again instead of
// an rmdir and a mkdir, which are what a stage costs on ext4 mounted with `discard`. Internal to
// util/.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace pydeb::util::detail
{

constexpr std::size_t k_max_spares = 4096; // a few builds' worth of venv directories

[[nodiscard]] bool is_dot_or_dotdot(const char* name);
// True when the open directory has no entry but "." and "..".
[[nodiscard]] bool is_empty_directory(int fd);
// Empty the open directory `directory` (closed there); directories.cpp.
bool remove_children(int directory);

// One per process, locked: stage directories are made on several threads.
class SpareDirectories
{
public:
    static SpareDirectories& instance();
    // A spare renamed to `name` in `parent` and opened (mode and times as mkdirat's), or -1 with
    // errno EEXIST when `name` exists, else with errno 0: make the directory instead.
    [[nodiscard]] int take(int parent, const char* name, unsigned mode);
    // Move the emptied directory `name` in `parent` (its stat `st`) into the pool, when there is
    // room and it can serve as a spare; false: the caller removes it.
    [[nodiscard]] bool give(int parent, const char* name, const struct stat& st);

private:
    // CACHE/spare-directories opened and listed, once; false with the cache off or unusable.
    bool open_pool();

    std::mutex m_mutex;
    bool m_opened = false;
    int m_pool = -1;
    dev_t m_device = 0;
    std::vector<std::string> m_names; // spares in the pool, as far as this process knows
    unsigned m_serial = 0;
};

} // namespace pydeb::util::detail
