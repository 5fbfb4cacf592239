// Writing files under the staging root without ever leaving it: every directory component is
// opened with O_NOFOLLOW|O_DIRECTORY relative to its parent (openat), and files are created with
// O_NOFOLLOW, so an existing symlink in the stage (bin/python, lib64, or one a wheel planted) is
// never written through. Modes are set with fchmod, independent of the umask.
#pragma once

#include "util/expected.hpp"
#include "util/fd.hpp"
#include "util/spare_directories.hpp"

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pydeb::install
{

// A regular file being written. finish() sets the mode; dropping it unfinished leaves the file.
class FileSink
{
public:
    explicit FileSink(util::Fd fd) : m_fd(std::move(fd)) {}
    [[nodiscard]] Expected<void> write(std::span<const std::byte> data);
    [[nodiscard]] Expected<void> write(std::string_view data);
    [[nodiscard]] Expected<void> finish(unsigned mode);

private:
    util::Fd m_fd;
};

class StageTree
{
public:
    // Directories this tree makes may come from `spares` (util/spare_directories.hpp).
    [[nodiscard]] static Expected<StageTree> open(const std::filesystem::path& root,
                                                  util::SpareDirectories* spares = nullptr);

    // Create or truncate the regular file at `relative` (no leading "/", no ".."), creating its
    // directories (0755). Errors are the system's reason; callers add the wheel and member.
    [[nodiscard]] Expected<FileSink> create_file(const std::filesystem::path& relative);
    [[nodiscard]] Expected<void> write_file(const std::filesystem::path& relative,
                                            std::string_view data, unsigned mode);
    [[nodiscard]] Expected<void> make_directories(const std::filesystem::path& relative);
    [[nodiscard]] Expected<void> make_symlink(const std::filesystem::path& relative,
                                              const std::filesystem::path& target);
    // The directory that holds `relative` ("/"-separated), opened (and created) as create_file
    // does; the fd stays valid until the next call on this tree. For callers that place files
    // themselves (linkat).
    [[nodiscard]] Expected<int> open_parent(std::string_view relative);
    // Remove a file written by a failed member.
    void remove_file(const std::filesystem::path& relative);

private:
    StageTree(util::Fd root, util::SpareDirectories* spares)
        : m_root(std::move(root)), m_spares(spares)
    {
    }
    // Open (creating as needed) the directory "a/b/c" ("" = the root), reusing the previous call's
    // chain: members of a wheel come grouped by directory, so most calls open nothing.
    [[nodiscard]] Expected<int> open_directory(std::string_view directory);

    struct OpenDirectory
    {
        std::string name;
        util::Fd fd;
        bool created = false; // by this tree: nothing below it existed
    };
    util::Fd m_root;
    util::SpareDirectories* m_spares = nullptr;
    std::vector<OpenDirectory> m_chain;
};

} // namespace pydeb::install
