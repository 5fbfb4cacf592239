#include "package/deb/assembly.hpp"

#include "adapters/archive/ar_writer.hpp"
#include "adapters/archive/tar_writer.hpp"
#include "package/deb/control.hpp"
#include "package/deb/scripts.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <array>
#include <ctime>

namespace pydeb::package::deb
{

namespace
{


using adapters::archive::TarCompression;

TarCompression tar_compression(Compression compression)
{
    switch (compression)
    {
    case Compression::zstd:
        return TarCompression::zstd;
    case Compression::xz:
        return TarCompression::xz;
    case Compression::gzip:
        return TarCompression::gzip;
    case Compression::none:
        return TarCompression::none;
    }
    return TarCompression::xz;
}

// control.tar: "./" and the control files, all root-owned, scripts executable (deb(5) wants
// mode & 07557 == 0555 for scripts).
Expected<std::string> control_tar(const PackageInfo& info, const DataSummary& data,
                                  std::int64_t mtime)
{
    const std::uint64_t kib = installed_size(data.objects);
    const std::string control = PYDEB_TRY(render_control(info, kib));
    const auto scripts = PYDEB_TRY(render_scripts(info));

    struct ControlFile
    {
        std::string name;
        std::string text;
        std::uint32_t mode;
    };
    std::vector<ControlFile> files;
    if (!data.conffiles.empty())
    {
        files.push_back({"conffiles", render_conffiles(data.conffiles), 0644});
    }
    files.push_back({"control", control, 0644});
    files.push_back({"md5sums", render_md5sums(data.md5sums), 0644});
    for (const MaintainerScript& script : scripts)
    {
        files.push_back({script.name, script.text, 0755});
    }
    std::sort(files.begin(), files.end(),
              [](const ControlFile& a, const ControlFile& b) { return a.name < b.name; });

    std::string out;
    auto tar = PYDEB_TRY(
        adapters::archive::TarWriter::create_in_memory(out, tar_compression(info.compression)));
    PYDEB_TRY(tar.add_directory({"./", 0755, mtime}));
    for (const ControlFile& file : files)
    {
        PYDEB_TRY(tar.add_file({"./" + file.name, file.mode, mtime}, file.text));
    }
    PYDEB_TRY(tar.finish());
    return out;
}

// The ar archive: debian-binary, control.tar, then data.tar from `data_file`, which
// `data_ready` completes first (the control area is built while a compressor finishes); with a
// signer, `_gpgorigin` last (debsig-verify(1): the origin signature over the three members'
// contents, concatenated in that order, as debsigs --sign=origin makes it).
Expected<void> write_ar(const PackageInfo& info, const DataSummary& data, std::int64_t now,
                        const std::filesystem::path& output, TarCompression compression,
                        const std::filesystem::path& data_file,
                        const std::function<Expected<void>()>& data_ready, Signer* signer)
{
    const std::string control = PYDEB_TRY(control_tar(info, data, now));
    const std::string suffix(adapters::archive::tar_suffix(compression));
    const std::int64_t ar_mtime = info.source_date_epoch.value_or(0);
    const std::string_view debian_binary = "2.0\n";
    auto ar = PYDEB_TRY(adapters::archive::ArWriter::create(output));
    PYDEB_TRY(ar.add_member("debian-binary", debian_binary, ar_mtime));
    PYDEB_TRY(ar.add_member("control.tar" + suffix, control, ar_mtime));
    PYDEB_TRY(data_ready());
    PYDEB_TRY(ar.add_member_from("data.tar" + suffix, data_file, ar_mtime));
    if (signer != nullptr)
    {
        const std::array<adapters::gpg::SignedPart, 3> parts{debian_binary,
                                                             std::string_view(control), data_file};
        const std::string signature = PYDEB_TRY(signer->origin_signature(parts));
        PYDEB_TRY(ar.add_member("_gpgorigin", signature, ar_mtime));
    }
    return ar.close();
}

Expected<void> commit(util::AtomicOutput& package, util::Progress& progress)
{
    std::error_code ec;
    progress.set(util::Count::bytes_out, std::filesystem::file_size(package.temporary_path(), ec));
    return package.commit(std::filesystem::perms(0644));
}

} // namespace

Expected<DebPlan> plan_package(const PackageInfo& info, const std::filesystem::path& output)
{
    auto where = [&](Error error) { return std::unexpected(context(output.string(), error)); };
    DebPlan plan;
    plan.now = info.source_date_epoch.value_or(std::time(nullptr));
    plan.compression = tar_compression(info.compression);
    auto generated = generated_files(info);
    if (!generated)
    {
        return where(generated.error());
    }
    plan.generated = std::move(*generated);
    auto members = plan_members(info.entries, plan.generated);
    if (!members)
    {
        return where(members.error());
    }
    plan.members = std::move(*members);
    if (auto control = render_control(info, 0); !control)
    {
        return where(control.error());
    }
    if (auto scripts = render_scripts(info); !scripts)
    {
        return where(scripts.error());
    }
    return plan;
}

Expected<void> write_planned(const PackageInfo& info, const DebPlan& plan,
                             const std::filesystem::path& output, const WriteOptions& options,
                             const PayloadObserver& observer)
{
    util::Progress silent;
    util::Progress& progress = options.progress != nullptr ? *options.progress : silent;
    auto package = PYDEB_TRY(util::AtomicOutput::create(output));
    // data.tar goes first to a scratch file beside the package (it is an AtomicOutput that is
    // never committed, so a signal removes it too): md5sums and Installed-Size, which the control
    // member needs, are known only after every file was streamed once.
    auto scratch = PYDEB_TRY(util::AtomicOutput::create(output.string() + ".data"));
    auto data_tar = PYDEB_TRY(DataTar::create(scratch.temporary_path(), plan.compression));
    const DataSummary data =
        PYDEB_TRY(data_tar.write_members(plan.members, info.source_date_epoch, plan.now, progress));
    options.tell_inputs_read();
    // The control area and the package's first members while the compressor finishes data.tar.
    PYDEB_TRY(write_ar(info, data, plan.now, package.temporary_path(), plan.compression,
                       scratch.temporary_path(), [&data_tar] { return data_tar.finish(); },
                       options.signer));
    if (observer)
    {
        observer(scratch.temporary_path(), data);
    }
    return commit(package, progress);
}

Expected<void> write_around(const PackageInfo& info, const DebPlan& plan,
                            const DataSummary& summary, const std::filesystem::path& data,
                            const std::filesystem::path& output, const WriteOptions& options)
{
    util::Progress silent;
    util::Progress& progress = options.progress != nullptr ? *options.progress : silent;
    options.tell_inputs_read(); // around a finished data.tar: no staged file is read
    auto package = PYDEB_TRY(util::AtomicOutput::create(output));
    PYDEB_TRY(write_ar(info, summary, plan.now, package.temporary_path(), plan.compression, data,
                       [] { return Expected<void>(); }, options.signer));
    return commit(package, progress);
}

} // namespace pydeb::package::deb
