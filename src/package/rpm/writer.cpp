#include "package/rpm/writer.hpp"

#include "adapters/archive/file_io.hpp"
#include "adapters/rpm/header.hpp"
#include "adapters/rpm/tags.hpp"
#include "package/rpm/file_list.hpp"
#include "package/rpm/main_header.hpp"
#include "package/rpm/payload.hpp"
#include "package/rpm/relations.hpp"
#include "package/rpm/scriptlets.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <limits>
#include <vector>

namespace fs = std::filesystem;

namespace pydeb::package::rpm
{

namespace
{

namespace sigtag = adapters::rpm::sigtag;

// rpmsign replaces these zeros with signature tags, so signing does not rewrite the file.
constexpr std::size_t k_reserved_space = 4096;

Expected<void> check_identity(const PackageInfo& info)
{
    auto bad = [](std::string_view text, std::string_view forbidden)
    { return text.empty() || text.find_first_of(forbidden) != std::string_view::npos; };
    if (bad(info.name, " \t\n/"))
    {
        return fail("rpm package name '" + info.name + "' must be non-empty without blanks or '/'");
    }
    // rpm splits NAME-VERSION-RELEASE at the last two dashes (rpmvercmp, build/parsePreamble.c).
    if (bad(info.version, " \t\n-/"))
    {
        return fail("rpm version '" + info.version + "' must be non-empty without '-' or blanks");
    }
    if (bad(info.release, " \t\n-/"))
    {
        return fail("rpm release '" + info.release + "' must be non-empty without '-' or blanks");
    }
    if (bad(info.rpm_architecture, " \t\n-/"))
    {
        return fail("rpm architecture '" + info.rpm_architecture +
                    "' must be set (x86_64, aarch64, noarch)");
    }
    return {};
}

// The 96-byte lead (rpm's lib/rpmlead.c): only its magic and version are still read, but rpm
// and file(1) expect it. Binary package, Linux, header-style signature (type 5).
std::string lead(const PackageInfo& info)
{
    std::array<char, 96> bytes{};
    const std::array<unsigned char, 8> start{0xed, 0xab, 0xee, 0xdb, 3, 0, 0, 0};
    std::copy(start.begin(), start.end(), bytes.begin());
    bytes[9] = 1; // archnum: rpmrc's x86 number; ignored by rpm >= 4
    const std::string nevr = info.name + "-" + info.version + "-" + info.release;
    std::copy_n(nevr.begin(), std::min<std::size_t>(nevr.size(), 65), bytes.begin() + 10);
    bytes[77] = 1; // osnum: Linux
    bytes[79] = 5; // RPMSIGTYPE_HEADERSIG
    return std::string(bytes.data(), bytes.size());
}

Expected<std::string> signature(const std::string& main_header, const PayloadDigests& payload)
{
    adapters::rpm::Header header;
    const std::uint64_t size = main_header.size() + payload.compressed_size;
    constexpr std::uint64_t k_max32 = std::numeric_limits<std::uint32_t>::max();
    if (size > k_max32 || payload.archive_size > k_max32)
    {
        header.put_int64(sigtag::long_size, std::span(&size, 1));
        header.put_int64(sigtag::long_archive_size, std::span(&payload.archive_size, 1));
    }
    else
    {
        header.put_int32(sigtag::size, static_cast<std::uint32_t>(size));
        header.put_int32(sigtag::payload_size, static_cast<std::uint32_t>(payload.archive_size));
    }
    header.put_string(sigtag::sha256,
                      util::to_hex(util::digest(util::HashAlgorithm::sha256, main_header)));
    const std::vector<std::byte> reserved(k_reserved_space);
    header.put_bin(sigtag::reserved_space, reserved);
    std::string out = PYDEB_TRY(header.serialize(adapters::rpm::Region::signatures));
    out.resize((out.size() + 7) / 8 * 8, '\0'); // the main header starts 8-byte aligned
    return out;
}

} // namespace

std::string conventional_filename(const PackageInfo& info)
{
    return info.name + "-" + info.version + "-" + info.release + "." + info.rpm_architecture +
           ".rpm";
}

Expected<void> write_package(const PackageInfo& info, const fs::path& output_path,
                             const WriteOptions& options)
{
    return write_package_with(info, output_path, options, write_payload);
}

Expected<void> write_package_with(const PackageInfo& info, const fs::path& output_path,
                                  const WriteOptions& options, const PayloadMaker& make_payload)
{
    util::Progress silent;
    util::Progress& progress = options.progress != nullptr ? *options.progress : silent;
    const auto where = "writing " + output_path.string();
    auto with_context = [&](Error error)
    { return std::unexpected(context(where, std::move(error))); };
    if (auto ok = check_identity(info); !ok)
    {
        return with_context(ok.error());
    }
    auto compressor = compressor_for(info.compression);
    auto scriptlets = render_scriptlets(info.lifecycle, info.venv, info.services);
    auto files = plan_files(info.entries, info.source_date_epoch);
    if (!compressor || !scriptlets || !files)
    {
        return with_context(!compressor   ? compressor.error()
                            : !scriptlets ? scriptlets.error()
                                          : files.error());
    }
    const bool has_config =
        std::any_of(files->begin(), files->end(), [](const FileRecord& f) { return f.flags != 0; });
    auto dependencies = collect_dependencies(info, *scriptlets, {compressor->name, has_config});
    if (!dependencies)
    {
        return with_context(dependencies.error());
    }

    auto output = PYDEB_TRY(util::AtomicOutput::create(output_path));
    // The payload goes first to a scratch file beside the output: the main header carries its
    // digest, so it can only be written once the payload is complete. It is an AtomicOutput that
    // is never committed, as the .deb's scratch data.tar is: removed when the writer returns, and
    // by the signal handler (util::InterruptCleanup) when the build is interrupted.
    auto scratch = PYDEB_TRY(util::AtomicOutput::create(output_path.string() + ".payload"));
    const fs::path& payload_path = scratch.temporary_path();
    auto payload = make_payload(*files, *compressor, payload_path, progress);
    if (!payload)
    {
        return with_context(payload.error());
    }
    options.tell_inputs_read(); // the header is made from the records and the payload's digests
    const std::int64_t build_time = info.source_date_epoch.value_or(std::time(nullptr));
    auto main_header = build_main_header(
        {info, *files, *dependencies, *scriptlets, *compressor, *payload, build_time});
    if (!main_header)
    {
        return with_context(main_header.error());
    }
    const std::string sig = PYDEB_TRY(signature(*main_header, *payload));

    // Lead, signature and main header, then the payload copied inside the kernel where possible.
    auto out = PYDEB_TRY(adapters::archive::create_file(output.temporary_path()));
    const std::string head = lead(info) + sig + *main_header;
    if (adapters::archive::write_fully(out.get(), head) != 0)
    {
        return fail(where + ": write failed (disk full?)");
    }
    const std::uint64_t copied = PYDEB_TRY(adapters::archive::append_file(out.get(), payload_path));
    if (copied != payload->compressed_size || out.close() != 0)
    {
        return fail(where + ": write failed (disk full?)");
    }
    if (options.signer != nullptr)
    {
        PYDEB_TRY(options.signer->sign_rpm(output.temporary_path()));
    }
    std::error_code ec;
    progress.set(util::Count::bytes_out, fs::file_size(output.temporary_path(), ec));
    return output.commit(fs::perms(0644));
}

} // namespace pydeb::package::rpm
