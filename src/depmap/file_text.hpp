// The text of a whole file of the dpkg database, which every Debian mapping reads: the status (a
// megabyte), libc6's symbols (150 kB), a few small shlibs and symbols files. Copying a large file
// into fresh heap memory costs a page fault per 4 KiB, 3 ms for the status on a VM, where a
// populated mapping of the page cache costs 0.1 ms; a small file is cheaper to read(2) into a
// buffer than to map and unmap. dpkg replaces these files by rename(2), never in place, so a
// mapping stays whole; it is held only while the file is parsed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::depmap
{

class FileText
{
public:
    // nullopt (errno set) when the file cannot be opened, is not a regular file, or cannot be
    // read or mapped.
    [[nodiscard]] static std::optional<FileText> open(const std::filesystem::path& path);

    FileText(FileText&& other) noexcept;
    FileText& operator=(FileText&& other) noexcept;
    FileText(const FileText&) = delete;
    FileText& operator=(const FileText&) = delete;
    ~FileText();

    [[nodiscard]] std::string_view text() const
    {
        return m_mapped != nullptr ? std::string_view(static_cast<const char*>(m_mapped), m_size)
                                   : std::string_view(m_read);
    }

    // Files up to this size are read, larger ones mapped.
    static constexpr std::size_t k_read_limit = 64 * 1024;

private:
    FileText() = default;
    void* m_mapped = nullptr;
    std::size_t m_size = 0; // of the mapping
    std::string m_read;
};

} // namespace pydeb::depmap
