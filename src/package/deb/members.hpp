// The data.tar of a .deb: which members, in which order, with which metadata (deb(5)).
#pragma once

#include "adapters/archive/tar_writer.hpp"
#include "package/deb/control.hpp"
#include "package/deb/docs.hpp"
#include "package/model.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace pydeb::package::deb
{

struct Member
{
    std::string path; // absolute target path, "/" for the root
    EntryType type = EntryType::file;
    std::uint32_t mode = 0644;
    std::uint64_t size = 0;
    std::filesystem::path source; // for files from the staging tree; empty when generated
    std::string contents;         // for generated files
    std::string link_target;
    ConfigFile config = ConfigFile::no;
};

// Every data.tar member: the root "./", the entries, the generated files, and any parent
// directory the entries leave out (dpkg needs each parent before its children). Sorted as
// dpkg-deb sorts: byte-wise by path, symlinks after everything else. Base-system directories
// (/, /opt, /usr/bin...) get their standard modes (0755), not whatever umask staged them. Fails on
// relative, unnormalized or duplicate paths and on newlines (md5sums and conffiles are line-based).
[[nodiscard]] Expected<std::vector<Member>>
plan_members(const std::vector<Entry>& entries, const std::vector<GeneratedFile>& generated);

// What the control area needs to know after data.tar is written.
struct DataSummary
{
    std::vector<std::pair<std::string, std::string>> md5sums; // path, hex; files minus conffiles
    std::vector<std::string> conffiles;
    std::vector<SizedObject> objects; // for Installed-Size
};

// Write data.tar to `output`, streaming every file once (the md5 is computed on the way).
// mtimes are the staged files' own, clamped to source_date_epoch when set; generated members get
// source_date_epoch or `now`.
[[nodiscard]] Expected<DataSummary> write_data_tar(const std::vector<Member>& members,
                                                   const std::filesystem::path& output,
                                                   adapters::archive::TarCompression compression,
                                                   std::optional<std::int64_t> source_date_epoch,
                                                   std::int64_t now);

} // namespace pydeb::package::deb
