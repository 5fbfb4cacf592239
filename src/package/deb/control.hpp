// The control area's text files of a .deb: control, md5sums, conffiles (deb-control(5),
// Debian Policy chapter 5).
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pydeb::package::deb
{

// [epoch:]upstream[-revision], Debian Policy 5.6.12.
[[nodiscard]] std::string deb_version(const PackageInfo& info);

// The Description field value: the synopsis, then the long text folded as Policy 5.6.13 wants:
// every line indented by one space, blank lines as " .", trailing blanks and leading/trailing
// empty lines dropped. Lines the author indented keep their extra spaces (shown verbatim).
[[nodiscard]] std::string fold_description(std::string_view summary, std::string_view description);

// One installed object for the Installed-Size sum.
struct SizedObject
{
    EntryType type;
    std::uint64_t size; // bytes of a file, length of a symlink target
};

// Installed-Size in KiB as dpkg-gencontrol computes it over the package's tree: files and
// symlinks count ceil(size / 1024), every other object (directories, including the root "./")
// counts 1. Pass every data.tar member, the root included.
[[nodiscard]] std::uint64_t installed_size(const std::vector<SizedObject>& objects);

// The control file. Fails if a single-line field holds a newline (it would inject fields) or a
// required field (Package, Version, Architecture) is empty.
[[nodiscard]] Expected<std::string> render_control(const PackageInfo& info,
                                                   std::uint64_t installed_size_kib);

// md5sums: "<md5 hex>  <path without leading '/'>" per line, sorted by path (dh_md5sums format).
// Pairs are (absolute path, hex digest).
[[nodiscard]] std::string render_md5sums(std::vector<std::pair<std::string, std::string>> digests);

// conffiles: one absolute path per line, sorted byte-wise (dh_installdeb).
[[nodiscard]] std::string render_conffiles(std::vector<std::string> paths);

} // namespace pydeb::package::deb
