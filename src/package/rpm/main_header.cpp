#include "package/rpm/main_header.hpp"

#include "adapters/rpm/header.hpp"
#include "adapters/rpm/tags.hpp"

#include <algorithm>
#include <limits>

namespace pydeb::package::rpm
{

namespace tag = adapters::rpm::tag;
using adapters::rpm::Header;
using adapters::rpm::TagId;

namespace
{

// Build host is fixed so rebuilds are identical (Fedora's reproducible-builds %_buildhost).
constexpr std::string_view k_build_host = "reproducible";

void put_dependencies(Header& header, const std::vector<Dependency>& dependencies, TagId name,
                      TagId flags, TagId version)
{
    if (dependencies.empty())
    {
        return;
    }
    std::vector<std::string> names, versions;
    std::vector<std::uint32_t> senses;
    for (const auto& dependency : dependencies)
    {
        names.push_back(dependency.name);
        senses.push_back(dependency.flags);
        versions.push_back(dependency.version);
    }
    header.put_strings(name, names);
    header.put_int32(flags, senses);
    header.put_strings(version, versions);
}

void put_script(Header& header, const std::string& body, TagId script, TagId program)
{
    if (!body.empty())
    {
        header.put_string(script, body);
        header.put_strings(program, {"/bin/sh"});
    }
}

void put_files(Header& header, const std::vector<FileRecord>& files)
{
    if (files.empty())
    {
        return;
    }
    std::vector<std::uint32_t> sizes, mtimes, flags, verify, devices, inodes;
    std::vector<std::uint16_t> modes, rdevs;
    std::vector<std::string> digests, links, users, groups, langs;
    for (const auto& file : files)
    {
        sizes.push_back(static_cast<std::uint32_t>(file.size));
        modes.push_back(file.mode);
        rdevs.push_back(0);
        mtimes.push_back(file.mtime);
        digests.push_back(file.digest);
        links.push_back(file.entry->type == EntryType::symlink ? file.entry->link_target : "");
        flags.push_back(file.flags);
        users.emplace_back("root");
        groups.emplace_back("root");
        verify.push_back(adapters::rpm::k_verify_all);
        devices.push_back(1);
        inodes.push_back(file.inode);
        langs.emplace_back("");
    }
    const FileNames names = split_names(files);
    header.put_int32(tag::file_sizes, sizes);
    header.put_int16(tag::file_modes, modes);
    header.put_int16(tag::file_rdevs, rdevs);
    header.put_int32(tag::file_mtimes, mtimes);
    header.put_strings(tag::file_digests, digests);
    header.put_strings(tag::file_link_tos, links);
    header.put_int32(tag::file_flags, flags);
    header.put_strings(tag::file_user_name, users);
    header.put_strings(tag::file_group_name, groups);
    header.put_int32(tag::file_verify_flags, verify);
    header.put_int32(tag::file_devices, devices);
    header.put_int32(tag::file_inodes, inodes);
    header.put_strings(tag::file_langs, langs);
    header.put_int32(tag::dir_indexes, names.dir_indexes);
    header.put_strings(tag::base_names, names.base_names);
    header.put_strings(tag::dir_names, names.dir_names);
    header.put_int32(tag::file_digest_algo, adapters::rpm::k_digest_sha256);
}

// One changelog entry naming the packager and the build, as a %changelog would: rpm -q
// --changelog and distribution tooling (rpmlint no-changelogname-tag) expect at least one.
void put_changelog(Header& header, const PackageInfo& info, std::uint32_t build_time)
{
    if (info.maintainer.empty())
    {
        return;
    }
    header.put_int32(tag::changelog_time, build_time);
    header.put_strings(tag::changelog_name, {info.maintainer + " - " +
                                             evr(info.epoch.value_or(0), info.epoch.has_value(),
                                                 info.version, info.release)});
    header.put_strings(tag::changelog_text, {"- Packaged with its virtual environment by pydeb."});
}

} // namespace

Expected<std::string> build_main_header(const HeaderInputs& in)
{
    const PackageInfo& info = in.info;
    Header header;
    // Summary, description and group are i18n strings; "C" is their only locale.
    header.put_strings(tag::i18n_table, {"C"});
    header.put_string(tag::name, info.name);
    header.put_string(tag::version, info.version);
    header.put_string(tag::release, info.release);
    if (info.epoch)
    {
        header.put_int32(tag::epoch, *info.epoch);
    }
    header.put_i18n_string(tag::summary, info.summary.empty() ? info.name : info.summary);
    header.put_i18n_string(tag::description,
                           info.description.empty() ? info.summary : info.description);
    const auto build_time = static_cast<std::uint32_t>(
        std::clamp<std::int64_t>(in.build_time, 0, std::numeric_limits<std::uint32_t>::max()));
    header.put_int32(tag::build_time, build_time);
    header.put_string(tag::build_host, k_build_host);
    std::uint64_t total = 0;
    for (const auto& file : in.files)
    {
        total += file.size;
    }
    if (total > std::numeric_limits<std::uint32_t>::max())
    {
        const std::uint64_t long_total = total;
        header.put_int64(tag::long_size, std::span(&long_total, 1));
    }
    else
    {
        header.put_int32(tag::size, static_cast<std::uint32_t>(total));
    }
    if (!info.license.empty())
    {
        header.put_string(tag::license, info.license);
    }
    if (!info.maintainer.empty())
    {
        header.put_string(tag::packager, info.maintainer);
    }
    header.put_i18n_string(tag::group, info.group.empty() ? "Unspecified" : info.group);
    if (!info.homepage.empty())
    {
        header.put_string(tag::url, info.homepage);
    }
    header.put_string(tag::os, "linux");
    header.put_string(tag::arch, info.rpm_architecture);
    put_script(header, in.scriptlets.pre, tag::prein, tag::prein_prog);
    put_script(header, in.scriptlets.post, tag::postin, tag::postin_prog);
    put_script(header, in.scriptlets.preun, tag::preun, tag::preun_prog);
    put_script(header, in.scriptlets.postun, tag::postun, tag::postun_prog);
    put_script(header, in.scriptlets.posttrans, tag::posttrans, tag::posttrans_prog);
    put_files(header, in.files);
    put_changelog(header, info, build_time);
    // A binary package names its source package; without SOURCERPM rpm treats the package as a
    // source package (headerIsSource).
    header.put_string(tag::source_rpm,
                      info.name + "-" + info.version + "-" + info.release + ".src.rpm");
    const auto& deps = in.dependencies;
    put_dependencies(header, deps.provides, tag::provide_name, tag::provide_flags,
                     tag::provide_version);
    put_dependencies(header, deps.requires_, tag::require_name, tag::require_flags,
                     tag::require_version);
    put_dependencies(header, deps.conflicts, tag::conflict_name, tag::conflict_flags,
                     tag::conflict_version);
    put_dependencies(header, deps.obsoletes, tag::obsolete_name, tag::obsolete_flags,
                     tag::obsolete_version);
    put_dependencies(header, deps.recommends, tag::recommend_name, tag::recommend_flags,
                     tag::recommend_version);
    header.put_string(tag::payload_format, "cpio");
    header.put_string(tag::payload_compressor, in.compressor.name);
    header.put_string(tag::payload_flags, in.compressor.level);
    // PAYLOADDIGEST covers the compressed payload, PAYLOADDIGESTALT the uncompressed one
    // (rpm docs/manual/signatures_digests.md); rpm -K verifies both.
    header.put_strings(tag::payload_digest, {in.payload.compressed_sha256});
    header.put_int32(tag::payload_digest_algo, adapters::rpm::k_digest_sha256);
    header.put_strings(tag::payload_digest_alt, {in.payload.uncompressed_sha256});
    return header.serialize(adapters::rpm::Region::immutable);
}

} // namespace pydeb::package::rpm
