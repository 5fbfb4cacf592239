// The package payload: the file list as a newc cpio archive, compressed with rpm's own rpmio
// compressor into a file. Hashes are taken on the way: each file's SHA-256 (FILEDIGESTS), the
// uncompressed archive's (PAYLOADDIGESTALT) and, read back once, the compressed one's
// (PAYLOADDIGEST, what rpm -K checks).
#pragma once

#include "package/model.hpp"
#include "package/rpm/file_list.hpp"
#include "util/expected.hpp"
#include "util/progress.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pydeb::package::rpm
{

// How the payload is compressed, as rpm names it in the header.
struct Compressor
{
    std::string name;  // PAYLOADCOMPRESSOR: "zstd", "xz", "gzip"
    std::string level; // PAYLOADFLAGS: "19"
    std::string mode;  // rpmio open mode: "w19.zstdio"
};

// zstd -19 (Fedora's %_binary_payload), xz -6, gzip -9 (Debian's rpm default). Compression::none
// is refused: rpm reads a payload without PAYLOADCOMPRESSOR as gzip.
[[nodiscard]] Expected<Compressor> compressor_for(Compression compression);

struct PayloadDigests
{
    std::string compressed_sha256;     // hex
    std::string uncompressed_sha256;   // hex
    std::uint64_t archive_size = 0;    // uncompressed cpio bytes
    std::uint64_t compressed_size = 0; // bytes of the file at `output`
};

// Writes `files` (digests filled in) to `output`, counting the bytes given to the compressor
// (util::Count::bytes_in).
[[nodiscard]] Expected<PayloadDigests> write_payload(std::vector<FileRecord>& files,
                                                     const Compressor& compressor,
                                                     const std::filesystem::path& output,
                                                     util::Progress& progress);

} // namespace pydeb::package::rpm
