// How TarWriter compresses: which libarchive filter (gzip, xz) or the zstd encoder, with which
// options. Internal to adapters/archive.
#pragma once

#include "adapters/archive/tar_writer.hpp"

#include <string>

namespace pydeb::adapters::archive
{

// libarchive's and the zstd CLI's default level: dpkg-deb's too (-Zzstd -z3 is its default).
constexpr int k_zstd_level = 3;

// Worker threads for the multithreaded encoders: the core count, at least 2. liblzma's and
// libzstd's multithreaded encoders produce the same bytes for any count >= 1 (xz: fixed block
// size; zstd: fixed job size), so only speed depends on the machine.
[[nodiscard]] unsigned compression_threads();

// GNU tar format, no padding after the last block, and for gzip and xz libarchive's filter.
// zstd gets no filter here: TarOutput runs the encoder (zstd_encoder.hpp). Returns an error
// text, or "" when all is set.
[[nodiscard]] std::string configure_archive(struct ::archive* a, TarCompression compression);

} // namespace pydeb::adapters::archive
