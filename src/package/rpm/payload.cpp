#include "package/rpm/payload.hpp"

#include "adapters/archive/cpio_writer.hpp"
#include "adapters/rpm/compressed_file.hpp"
#include "package/core/digesting_reader.hpp"
#include "util/hash.hpp"

#include <utility>

namespace pydeb::package::rpm
{

using adapters::archive::CpioMeta;
using adapters::archive::CpioWriter;

Expected<Compressor> compressor_for(Compression compression)
{
    switch (compression)
    {
    case Compression::zstd:
        return Compressor{"zstd", "19", "w19.zstdio"};
    case Compression::xz:
        return Compressor{"xz", "6", "w6.xzdio"};
    case Compression::gzip:
        return Compressor{"gzip", "9", "w9.gzdio"};
    case Compression::none:
        break;
    }
    return fail("rpm payloads are always compressed: choose zstd, xz or gzip");
}

Expected<PayloadDigests> write_payload(std::vector<FileRecord>& files, const Compressor& compressor,
                                       const std::filesystem::path& output, util::Progress& progress)
{
    auto compressed = PYDEB_TRY(adapters::rpm::CompressedFile::create(output, compressor.mode));
    util::Hasher uncompressed(util::HashAlgorithm::sha256);
    auto writer = PYDEB_TRY(CpioWriter::create(
        [&](std::span<const std::byte> bytes)
        {
            uncompressed.update(bytes);
            return compressed.write(bytes);
        }));
    // Each file is read once; its SHA-256 is taken on a worker thread from the same bytes.
    DigestingReader reader(util::HashAlgorithm::sha256);
    const auto into_cpio = [&writer](std::string_view piece) { return writer.write_data(piece); };
    std::vector<std::pair<FileRecord*, std::size_t>> read_files; // record, reader's number
    for (auto& file : files)
    {
        const Entry& entry = *file.entry;
        const CpioMeta meta{file.cpio_path, file.mode & 07777U, file.mtime, file.inode, 1};
        switch (entry.type)
        {
        case EntryType::directory:
            PYDEB_TRY(writer.add_directory(meta));
            break;
        case EntryType::symlink:
            PYDEB_TRY(writer.add_symlink(meta, entry.link_target));
            break;
        case EntryType::file:
            PYDEB_TRY(writer.begin_file(meta, entry.size));
            progress.add(util::Count::bytes_in, entry.size);
            read_files.emplace_back(&file,
                                    PYDEB_TRY(reader.read(entry.source, entry.size, into_cpio)));
            break;
        }
    }
    PYDEB_TRY(writer.finish());
    PYDEB_TRY(compressed.close());
    const std::vector<std::string> file_digests = reader.digests();
    for (const auto& [file, number] : read_files)
    {
        file->digest = file_digests[number];
    }

    PayloadDigests digests;
    digests.archive_size = writer.bytes_written();
    digests.uncompressed_sha256 = util::to_hex(uncompressed.finish());
    digests.compressed_sha256 =
        util::to_hex(PYDEB_TRY(util::digest_file(util::HashAlgorithm::sha256, output)));
    std::error_code ec;
    digests.compressed_size = std::filesystem::file_size(output, ec);
    if (ec)
    {
        return fail(output.string() + ": cannot stat the payload: " + ec.message());
    }
    return digests;
}

} // namespace pydeb::package::rpm
