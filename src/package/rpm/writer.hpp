// The .rpm writer: a v4 binary package (lead, signature header, main header, compressed cpio
// payload) written with librpm's public header API, no rpmbuild. The package verifies with
// rpm -K (header SHA-256, payload SHA-256 and its uncompressed twin) and keeps 4 KiB of
// RESERVEDSPACE so rpmsign --addsign can sign it in place later.
#pragma once

#include "package/model.hpp"
#include "package/rpm/payload.hpp"
#include "package/write_options.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace pydeb::package::rpm
{

// Write info as an rpm at output_path, atomically (util::AtomicOutput): a complete package
// appears there, or nothing. Entries are taken as they are; directories with
// owned_directory == false are not claimed. With options.signer, the package is signed
// (rpmPkgSign) before it appears at its path; the signature takes the place of RESERVEDSPACE, so
// the main header and payload keep every byte.
[[nodiscard]] Expected<void> write_package(const PackageInfo& info,
                                           const std::filesystem::path& output_path,
                                           const WriteOptions& options = {});

// What makes the payload file: write_payload, or a reuse of an earlier build's
// (payload_reuse.hpp). It fills in each regular file's digest.
using PayloadMaker = std::function<Expected<PayloadDigests>(
    std::vector<FileRecord>& files, const Compressor& compressor,
    const std::filesystem::path& output, util::Progress& progress)>;

// write_package with the payload made by `make_payload`.
[[nodiscard]] Expected<void> write_package_with(const PackageInfo& info,
                                                const std::filesystem::path& output_path,
                                                const WriteOptions& options,
                                                const PayloadMaker& make_payload);

// NAME-VERSION-RELEASE.ARCH.rpm, the name rpmbuild gives (%_build_name_fmt).
[[nodiscard]] std::string conventional_filename(const PackageInfo& info);

} // namespace pydeb::package::rpm
