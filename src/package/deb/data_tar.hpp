// Writing the data.tar of a .deb (deb(5)) and what the control area learns from it.
#pragma once

#include "adapters/archive/tar_writer.hpp"
#include "package/deb/control.hpp"
#include "package/deb/members.hpp"
#include "util/expected.hpp"
#include "util/progress.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pydeb::package::deb
{

// What the control area needs to know after data.tar is written.
struct DataSummary
{
    std::vector<std::pair<std::string, std::string>> md5sums; // path, hex; files minus conffiles
    std::vector<std::string> conffiles;
    std::vector<SizedObject> objects; // for Installed-Size
};

// The tar header fields of a member: "./"-relative path, mode, and mtime. Staged files keep their
// own mtime (Entry::mtime, else lstat now), clamped to source_date_epoch when set (the
// reproducible-builds spec's rule); generated members get source_date_epoch or `now`.
[[nodiscard]] adapters::archive::TarMeta
tar_meta(const Member& member, std::optional<std::int64_t> source_date_epoch, std::int64_t now);

// The summary as far as it follows from the members alone: conffiles and Installed-Size
// objects; md5sums left empty (DataTar::write_members, or a reused payload, fills them in).
[[nodiscard]] DataSummary summarize_members(const std::vector<Member>& members);

// data.tar in two steps, so the control area can be built while the compressor's workers are
// still busy with the last megabytes (zstd compresses 8 MiB jobs, each only once it is full).
class DataTar
{
public:
    [[nodiscard]] static Expected<DataTar> create(const std::filesystem::path& output,
                                                  adapters::archive::TarCompression compression);

    // Stream every member, reading each file once: the md5 is computed on a worker thread from the
    // same bytes (package/core/digesting_reader.hpp). Header fields as tar_meta gives them.
    // Counts the bytes given to the compressor (util::Count::bytes_in).
    [[nodiscard]] Expected<DataSummary> write_members(const std::vector<Member>& members,
                                                      std::optional<std::int64_t> source_date_epoch,
                                                      std::int64_t now, util::Progress& progress);
    // Wait for the compressor and complete the file. Required before the output is used.
    [[nodiscard]] Expected<void> finish();

private:
    explicit DataTar(adapters::archive::TarWriter tar) : m_tar(std::move(tar)) {}
    adapters::archive::TarWriter m_tar;
};

} // namespace pydeb::package::deb
