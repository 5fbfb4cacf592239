#include "install/wheel/wheel_installer.hpp"

#include "adapters/archive/zip_reader.hpp"
#include "install/wheel/record.hpp"
#include "install/wheel/scripts.hpp"
#include "install/wheel/stage_tree.hpp"
#include "install/wheel/wheel_plan.hpp"
#include "util/hash.hpp"

#include <map>

namespace pydeb::install
{

namespace
{

constexpr std::size_t k_buffer = 256 * 1024;
constexpr std::size_t k_max_head = 4096; // enough for any shebang line worth rewriting

struct Installation
{
    const Layout& layout;
    const WheelPlan& plan;
    const WheelInstallContext& context;
    StageTree tree;
    std::string owner;                               // the wheel's file name, for conflict messages
    std::vector<WrittenFile> written;                // for the new RECORD
    std::map<std::string, std::string> first_digest; // member name -> sha256, for duplicates

    std::string record_path(const std::filesystem::path& destination) const
    {
        return destination.lexically_relative(plan.root_directory).generic_string();
    }
};

// The output side of one member: writes (if this wheel owns the path) and hashes what is written.
struct Output
{
    std::optional<FileSink> sink;
    util::Hasher sha256{util::HashAlgorithm::sha256};
    std::uint64_t size = 0;

    Expected<void> emit(std::string_view bytes)
    {
        sha256.update(bytes);
        size += bytes.size();
        return sink ? sink->write(bytes) : Expected<void>{};
    }
};

Expected<void> add_generated(Installation& installation, const std::filesystem::path& destination,
                             std::string_view content, unsigned mode)
{
    const auto relative = installation.layout.stage_relative(destination);
    if (installation.context.owners.claim(relative, installation.owner) == OwnerMap::Claim::write)
    {
        PYDEB_TRY(installation.tree.write_file(relative, content, mode));
    }
    const auto sha = util::to_urlsafe_b64_nopad(util::digest(util::HashAlgorithm::sha256, content));
    installation.context.owners.set_digest(relative, installation.owner, sha);
    installation.written.push_back({installation.record_path(destination), sha, content.size()});
    return {};
}

Expected<void> install_member(Installation& installation, adapters::ZipReader& reader,
                              const PlannedMember& member, std::vector<std::byte>& buffer)
{
    const auto relative = installation.layout.stage_relative(member.destination);
    Output output;
    if (!member.duplicate &&
        installation.context.owners.claim(relative, installation.owner) == OwnerMap::Claim::write)
    {
        output.sink = PYDEB_TRY(installation.tree.create_file(relative));
    }
    // A repeated member is compared with the first copy (verified against RECORD already).
    std::optional<util::Hasher> verify;
    if (member.hash && !member.duplicate)
    {
        verify.emplace(member.hash->algorithm);
    }
    std::uint64_t read_size = 0;
    std::string head; // a script's start, until its first line is complete
    bool head_done = member.kind != MemberKind::script;
    const auto flush_head = [&]() -> Expected<void>
    {
        head_done = true;
        const auto newline = head.find('\n');
        const auto line_end = newline == std::string::npos ? head.size() : newline + 1;
        const auto rewritten = rewrite_script_head(std::string_view(head).substr(0, line_end),
                                                   installation.layout.final_python());
        if (!rewritten)
        {
            return output.emit(head);
        }
        PYDEB_TRY(output.emit(*rewritten));
        return output.emit(std::string_view(head).substr(line_end));
    };
    for (;;)
    {
        const auto count = PYDEB_TRY(reader.read(buffer));
        if (count == 0)
        {
            break;
        }
        const std::string_view chunk(reinterpret_cast<const char*>(buffer.data()), count);
        read_size += count;
        if (verify)
        {
            verify->update(chunk);
        }
        if (head_done)
        {
            PYDEB_TRY(output.emit(chunk));
            continue;
        }
        head += chunk;
        if (head.find('\n') != std::string::npos || head.size() >= k_max_head)
        {
            PYDEB_TRY(flush_head());
        }
    }
    if (!head_done)
    {
        PYDEB_TRY(flush_head());
    }
    if (verify && (read_size != member.size ||
                   util::to_urlsafe_b64_nopad(verify->finish()) != member.hash->digest))
    {
        if (output.sink)
        {
            installation.tree.remove_file(relative);
        }
        return fail("hash / size didn't match RECORD: the wheel is corrupt or was modified");
    }
    if (output.sink)
    {
        PYDEB_TRY(output.sink->finish(member.mode));
    }
    const auto sha = util::to_urlsafe_b64_nopad(output.sha256.finish());
    if (member.duplicate)
    {
        if (installation.first_digest[member.name] != sha)
        {
            return fail("appears twice in the archive with different contents");
        }
        return {};
    }
    installation.first_digest[member.name] = sha;
    installation.context.owners.set_digest(relative, installation.owner, sha);
    // Signature files are not in the wheel's RECORD (they sign it), but the installed RECORD
    // lists every installed file so an uninstaller removes them too.
    installation.written.push_back(
        {installation.record_path(member.destination), sha, output.size});
    return {};
}

} // namespace

Expected<InstalledDistribution> install_wheel(const Layout& layout,
                                              const std::filesystem::path& wheel,
                                              const WheelInstallContext& context,
                                              std::vector<std::string>& warnings)
{
    const auto plan = PYDEB_TRY(plan_wheel(layout, wheel, context.supported, warnings));
    Installation installation{layout,
                              plan,
                              context,
                              PYDEB_TRY(StageTree::open(layout.stage_root)),
                              wheel.filename().string(),
                              {},
                              {}};
    auto reader = PYDEB_TRY(adapters::ZipReader::open(wheel));
    std::vector<std::byte> buffer(k_buffer);
    for (const auto& member : plan.members)
    {
        const auto entry = PYDEB_TRY(reader.next());
        if (!entry || entry->name != member.name)
        {
            return fail(wheel.string() + ": member '" + member.name +
                        "': the archive changed while it was being installed");
        }
        if (member.kind == MemberKind::skip)
        {
            continue;
        }
        if (auto installed = install_member(installation, reader, member, buffer); !installed)
        {
            return fail(wheel.string() + ": member '" + member.name +
                        "': " + installed.error().message);
        }
    }
    const auto where = wheel.string() + ": ";
    for (const auto& entry_point : plan.entry_points)
    {
        const auto launcher =
            render_launcher(context.launcher_template, entry_point, layout.final_python());
        if (auto added = add_generated(installation,
                                       std::filesystem::path(layout.scripts) / entry_point.name,
                                       launcher, 0755);
            !added)
        {
            return fail(where + "entry point '" + entry_point.name + "': " + added.error().message);
        }
    }
    const auto installer_file = plan.dist_info_destination / "INSTALLER";
    if (auto added = add_generated(installation, installer_file, "pydeb\n", 0644); !added)
    {
        return fail(where + "INSTALLER: " + added.error().message);
    }
    const auto record_file = plan.dist_info_destination / "RECORD";
    const auto record = render_record(installation.written, installation.record_path(record_file));
    const auto record_relative = layout.stage_relative(record_file);
    (void)context.owners.claim(record_relative, installation.owner);
    if (auto added = installation.tree.write_file(record_relative, record, 0644); !added)
    {
        return fail(where + "RECORD: " + added.error().message);
    }
    return InstalledDistribution{plan.distribution, plan.version, wheel};
}

} // namespace pydeb::install
