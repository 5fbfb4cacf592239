#include "pipeline/stage_services.hpp"

#include "package/contents.hpp"
#include "package/core/service_fragments.hpp"
#include "pipeline/service_units.hpp"
#include "util/files.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

// The first word of exec as an absolute path on the target: an entry point (or python) is the
// venv's bin/NAME. It must be in the staged package, so the service cannot point at nothing.
Expected<std::string> resolve_exec(const spec::Spec& spec, const spec::Service& service,
                                   const fs::path& package_root)
{
    const std::string_view exec = service.exec;
    const std::size_t start = exec.find_first_not_of(" \t");
    const std::size_t end = exec.find_first_of(" \t", start);
    const std::string word(exec.substr(start, end - start));
    const std::string rest(end == std::string_view::npos ? "" : exec.substr(end));
    const std::string path =
        word.find('/') == std::string::npos ? spec.prefix + "/bin/" + word : word;
    std::error_code ec;
    const auto status = fs::status(package_root / fs::path(path).relative_path(), ec);
    if (!path.starts_with('/') || !fs::is_regular_file(status) ||
        (status.permissions() & fs::perms::owner_exec) == fs::perms::none)
    {
        return fail(service.exec_where.to_string() + ": exec: '" + word +
                    "' names no entry point in " + spec.prefix +
                    "/bin and no executable file the package installs; name a console script "
                    "of the installed wheels, python, or an absolute path from files:");
    }
    return path + rest;
}

Expected<void> write(const fs::path& root, const std::string& target, const std::string& text)
{
    const fs::path file = root / fs::path(target).relative_path();
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    for (fs::path dir = file.parent_path(); !ec && dir != root; dir = dir.parent_path())
    {
        // 0755 whatever the builder's umask (Debian Policy §10.9).
        fs::permissions(dir, fs::perms(0755), fs::perm_options::replace, ec);
    }
    if (ec)
    {
        return fail("cannot create " + file.parent_path().string() + ": " + ec.message());
    }
    PYDEB_TRY(util::write_file_atomic(file, text));
    fs::permissions(file, fs::perms(0644), fs::perm_options::replace, ec);
    return {};
}

} // namespace

Expected<void> stage_services(const spec::Spec& spec, const fs::path& package_root,
                              const fs::path& root, UnitDirectory directory)
{
    const std::string unit_dir =
        directory == UnitDirectory::deb ? "/lib/systemd/system/" : "/usr/lib/systemd/system/";
    for (const spec::Service& service : spec.services)
    {
        std::string text;
        if (service.unit)
        {
            text = PYDEB_TRY(util::read_file(*service.unit));
        }
        else
        {
            const std::string exec = PYDEB_TRY(resolve_exec(spec, service, package_root));
            text = generated_unit(service, spec.summary.empty() ? spec.name : spec.summary,
                                  spec.homepage, exec, spec.directories);
        }
        PYDEB_TRY(write(root, unit_dir + service.name, text));
    }
    const package::ServiceActions actions = service_actions(spec);
    if (!actions.accounts.empty())
    {
        PYDEB_TRY(write(root, "/usr/lib/sysusers.d/" + actions.fragment_name,
                        package::sysusers_fragment(actions)));
    }
    if (!actions.directories.empty())
    {
        PYDEB_TRY(write(root, "/usr/lib/tmpfiles.d/" + actions.fragment_name,
                        package::tmpfiles_fragment(actions)));
    }
    return {};
}

Expected<void> add_service_entries(const spec::Spec& spec, const fs::path& package_root,
                                   const fs::path& root, UnitDirectory directory,
                                   std::vector<package::Entry>& entries)
{
    if (spec.services.empty() && spec.users.empty() && spec.directories.empty())
    {
        return {};
    }
    PYDEB_TRY(stage_services(spec, package_root, root, directory));
    for (package::Entry& entry : PYDEB_TRY(package::collect_entries(root, {})))
    {
        const auto same = std::ranges::find(entries, entry.path, &package::Entry::path);
        if (same == entries.end())
        {
            entries.push_back(std::move(entry));
        }
        else if (entry.type != package::EntryType::directory ||
                 same->type != package::EntryType::directory)
        {
            return fail(entry.path + " is both a file of the spec's files: and one pydeb writes "
                                     "for its services:, users: or directories:; drop the "
                                     "files: entry");
        }
    }
    std::ranges::sort(entries, {}, &package::Entry::path);
    return {};
}

Expected<void> check_dh_services(const spec::Spec& spec)
{
    for (const spec::Service& s : spec.services)
    {
        if (s.enable == spec::Enable::no || s.start == spec::Start::no ||
            s.restart_on_upgrade == spec::RestartOnUpgrade::no)
        {
            return fail(s.where.to_string() +
                        ": under dh, dh_installsystemd writes the scripts of " + s.name +
                        " and takes its options from debian/rules: drop enable, start "
                        "and restart-on-upgrade here and add override_dh_installsystemd with "
                        "--no-enable, --no-start or --no-restart-after-upgrade "
                        "(dh_installsystemd(1))");
        }
    }
    return {};
}

package::ServiceActions service_actions(const spec::Spec& spec)
{
    package::ServiceActions out;
    out.fragment_name = spec.name + ".conf";
    for (const spec::Service& s : spec.services)
    {
        out.units.push_back(package::ServiceUnit{
            s.name,
            s.enable == spec::Enable::yes ? package::UnitEnable::yes : package::UnitEnable::no,
            s.start == spec::Start::yes ? package::UnitStart::yes : package::UnitStart::no,
            s.restart_on_upgrade == spec::RestartOnUpgrade::yes
                ? package::UnitRestart::after_upgrade
                : package::UnitRestart::stop_before_upgrade,
            s.install == spec::InstallSection::present ? package::UnitInstallSection::present
                                                       : package::UnitInstallSection::absent});
    }
    std::ranges::sort(out.units, {}, &package::ServiceUnit::name);
    for (const spec::SystemUser& u : spec.users)
    {
        out.accounts.push_back({u.name, u.group, u.home, u.description});
    }
    for (const spec::StateDirectory& d : spec.directories)
    {
        out.directories.push_back({d.path, d.user, d.group, d.mode});
    }
    return out;
}

} // namespace pydeb::pipeline
