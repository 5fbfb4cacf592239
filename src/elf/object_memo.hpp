// Which staged files are ELF objects, remembered between builds for the files whose bytes have a
// name (StagedFile::content_key, which the stage that placed them vouches for: a file from an
// installed-wheel cache entry, whose entries never change). A warm rebuild then opens its ELF
// objects and its unnamed files, not the thousands of .py and .pyc files around them: an open
// and a read each, 20 ms for numpy and lxml on a VM, more than the rest of the map stage (#9).
// The key is the bytes' name, not the staged file's identity: a stage written a moment ago (a
// warm build right after a cold one) is answered as well.
//
// One small file per set of named files in $XDG_CACHE_HOME/pydeb/elf-objects, named by a sha256
// over the memo format and every named file's install path and content key: the install paths
// among those files that are loadable ELF objects (read_elf_object gives an object). The objects
// themselves are still read; only "not an ELF object" is taken from the memo. Every failure to
// read or write the memo only costs a scan.
#pragma once

#include "elf/scan.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace pydeb::elf
{

class ObjectMemo
{
public:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const
        {
            return std::hash<std::string_view>{}(text);
        }
    };
    using Paths = std::unordered_set<std::string, Hash, std::equal_to<>>;

    // The memo slot for the named ones among `files`; nullopt when caching is off (--no-cache, no
    // cache directory), no file is named, or a named path cannot be written on one line.
    [[nodiscard]] static std::optional<ObjectMemo> for_files(const std::vector<StagedFile>& files);

    // The named files that are ELF objects, by install path; nullopt when there is no memo or it
    // does not parse.
    [[nodiscard]] std::optional<Paths> read() const;
    // Record which named files are ELF objects. Failures are ignored.
    void write(const std::vector<std::string>& objects) const;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    explicit ObjectMemo(std::filesystem::path path) : m_path(std::move(path)) {}
    std::filesystem::path m_path;
};

} // namespace pydeb::elf
