// The native .deb writer: PackageInfo -> one binary package file (deb(5)).
#pragma once

#include "package/model.hpp"
#include "package/write_options.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>

namespace pydeb::package::deb
{

// Write the package to output_path through util::AtomicOutput: only a complete package ever
// appears there; a failed or killed build leaves nothing (not even its scratch data.tar).
// Layout: ar with debian-binary ("2.0\n"), control.tar.X, data.tar.X, X per info.compression;
// GNU tar, root:root, byte-sorted "./" paths, mtimes clamped to info.source_date_epoch, ar
// mtimes = source_date_epoch or 0. Same input and epoch -> the same bytes. A pure function of
// its input: no cache is read or written (payload_reuse.hpp wraps it with one).
// With options.signer, a fourth member `_gpgorigin` follows data.tar: debsigs' origin signature
// over debian-binary, control.tar.X and data.tar.X; the members before it keep every byte, so a
// signed package is the unsigned one with that member appended.
[[nodiscard]] Expected<void> write_package(const PackageInfo& info,
                                           const std::filesystem::path& output_path,
                                           const WriteOptions& options = {});

// NAME_VERSION-RELEASE_ARCH.deb (dpkg-name's convention; the epoch never goes into file names).
[[nodiscard]] std::string conventional_filename(const PackageInfo& info);

} // namespace pydeb::package::deb
