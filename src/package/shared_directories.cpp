// The directories every Debian or RPM system already has, which a package must not claim.
#include "package/contents.hpp"

#include <algorithm>
#include <array>

namespace pydeb::package
{

namespace
{

// FHS 3.0 §3-§6 hierarchy plus the directories Debian's base-files and systemd create. Sorted, for
// binary_search. Packages may put files in them but must not claim them (rpm: a second owner of
// /usr conflicts with filesystem.rpm's attributes; dpkg: harmless, yet never removed).
constexpr std::array k_shared_directories = std::to_array<std::string_view>({
    "/",
    "/bin",
    "/boot",
    "/etc",
    "/etc/cron.d",
    "/etc/default",
    "/etc/init.d",
    "/etc/logrotate.d",
    "/etc/profile.d",
    "/etc/sudoers.d",
    "/etc/systemd",
    "/etc/systemd/system",
    "/home",
    "/lib",
    "/lib/systemd",
    "/lib/systemd/system",
    "/lib64",
    "/media",
    "/mnt",
    "/opt",
    "/root",
    "/run",
    "/sbin",
    "/srv",
    "/tmp",
    "/usr",
    "/usr/bin",
    "/usr/games",
    "/usr/include",
    "/usr/lib",
    "/usr/lib/systemd",
    "/usr/lib/systemd/system",
    "/usr/lib/sysusers.d",
    "/usr/lib/tmpfiles.d",
    "/usr/lib64",
    "/usr/libexec",
    "/usr/local",
    "/usr/local/bin",
    "/usr/local/lib",
    "/usr/local/share",
    "/usr/sbin",
    "/usr/share",
    "/usr/share/applications",
    "/usr/share/bash-completion",
    "/usr/share/bash-completion/completions",
    "/usr/share/doc",
    "/usr/share/icons",
    "/usr/share/info",
    "/usr/share/licenses",
    "/usr/share/lintian",
    "/usr/share/lintian/overrides",
    "/usr/share/locale",
    "/usr/share/man",
    "/usr/share/man/man1",
    "/usr/share/man/man2",
    "/usr/share/man/man3",
    "/usr/share/man/man4",
    "/usr/share/man/man5",
    "/usr/share/man/man6",
    "/usr/share/man/man7",
    "/usr/share/man/man8",
    "/usr/share/pixmaps",
    "/usr/src",
    "/var",
    "/var/cache",
    "/var/lib",
    "/var/local",
    "/var/log",
    "/var/opt",
    "/var/spool",
    "/var/tmp",
});
static_assert(std::is_sorted(k_shared_directories.begin(), k_shared_directories.end()));

} // namespace

bool is_shared_system_directory(std::string_view path)
{
    return std::binary_search(k_shared_directories.begin(), k_shared_directories.end(), path);
}

} // namespace pydeb::package
