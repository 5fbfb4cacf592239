// rpm's file list: one record per path the package owns (files, symlinks and owned directories;
// never shared system directories, which belong to the distribution's filesystem package), in
// the order of the header's file tags and the cpio payload.
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::package::rpm
{

struct FileRecord
{
    const Entry* entry = nullptr;
    std::string cpio_path;   // "./opt/venvs/app/bin/python"
    std::uint16_t mode = 0;  // S_IF* type bits | permission bits (rpm's FILEMODES)
    std::uint32_t mtime = 0; // clamped to SOURCE_DATE_EPOCH
    std::uint32_t inode = 0; // 1..n: rpm detects hard links by (device, inode); there are none
    std::uint64_t size = 0;  // file bytes, link target length, 4096 for directories
    std::uint32_t flags = 0; // adapters::rpm::file_flag bits
    std::string digest;      // hex SHA-256 of a regular file's bytes, set while writing the payload
};

// The compressed file-name form of the list (rpm >= 3.0.4, rpmlib(CompressedFileNames)):
// dir_names are the distinct parent directories with a trailing '/', in first-use order.
struct FileNames
{
    std::vector<std::string> base_names;
    std::vector<std::uint32_t> dir_indexes;
    std::vector<std::string> dir_names;
};

// Records for the entries rpm should own, sorted by path. Fails on a relative, duplicate or
// root path, and on files too large for the newc payload (4 GiB).
[[nodiscard]] Expected<std::vector<FileRecord>>
plan_files(const std::vector<Entry>& entries, std::optional<std::int64_t> source_date_epoch);

[[nodiscard]] FileNames split_names(const std::vector<FileRecord>& files);

} // namespace pydeb::package::rpm
