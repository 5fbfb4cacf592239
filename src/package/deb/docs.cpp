#include "package/deb/docs.hpp"

#include "adapters/archive/gzip.hpp"
#include "package/core/service_fragments.hpp"
#include "package/deb/control.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <set>

namespace pydeb::package::deb
{

namespace
{

// Free-form (not DEP-5): pydeb knows the license's name, not the bundled distributions' texts.
// The packaging notice carries the build year, which lintian's copyright-notice check wants.
std::string copyright(const PackageInfo& info, std::int64_t when)
{
    std::string out = info.name + " " + deb_version(info) + ", packaged by pydeb.\n\n";
    const std::string year = changelog_date(when).substr(12, 4);
    out += "Copyright: " + year + " " +
           (info.maintainer.empty() ? std::string("the packager") : info.maintainer) +
           " (packaging); the authors of " + info.name + " and of the distributions it bundles.\n";
    out += "License: " + (info.license.empty() ? std::string("not stated") : info.license) + "\n";
    if (!info.venv.prefix.empty())
    {
        out += "\nThe virtualenv under " + info.venv.prefix +
               " bundles third-party Python distributions.\nEach carries its own copyright and "
               "license files in its *.dist-info directory.\n";
    }
    return out;
}

std::string changelog(const PackageInfo& info, std::int64_t when)
{
    const std::string maintainer =
        info.maintainer.empty() ? std::string("pydeb <pydeb@localhost>") : info.maintainer;
    return info.name + " (" + deb_version(info) + ") unstable; urgency=medium\n\n" +
           "  * Built by pydeb.\n\n -- " + maintainer + "  " + changelog_date(when) + "\n";
}

// Each override says why the check does not apply (lintian wants a reason; so do reviewers).
std::string overrides(const PackageInfo& info)
{
    std::string out;
    if (info.venv.prefix.starts_with("/opt/"))
    {
        out += "# The application is a self-contained virtualenv under " + info.venv.prefix +
               ", an add-on\n# application package in the sense of FHS 3.0 section 3.13. Policy "
               "9.1.1 reserves /opt\n# for the local administrator's add-ons: this package is "
               "built locally, not by Debian.\n" +
               info.name + ": dir-or-file-in-opt\n";
    }
    if (info.compression == Compression::zstd)
    {
        out += "# control.tar.zst and data.tar.zst: dpkg reads zstd members since 1.21.18 "
               "(bookworm has\n# 1.21.22); lintian 2.116 (bookworm) predates them and calls "
               "the archive malformed.\n# See pydeb(1), COMPRESSION; compression: xz avoids "
               "the tag.\n" +
               info.name + ": malformed-deb-archive\n";
    }
    bool pycache = false;
    for (const Entry& entry : info.entries)
    {
        pycache = pycache || entry.path.find("/__pycache__/") != std::string::npos;
    }
    if (pycache)
    {
        out += "# The spec chose bytecode: build, so the virtualenv ships .pyc files compiled for\n"
               "# its own interpreter; prerm removes __pycache__ before dpkg removes the files.\n" +
               info.name + ": package-installs-python-pycache-dir\n";
    }
    for (const ServiceUnit& unit : info.services.units)
    {
        // lintian's InitD check wants an init.d script beside every .service; Debian Policy
        // §9.3.1 makes one optional ("may optionally include an init script"), and pydeb
        // writes none.
        const std::string stem = unit.name.substr(0, unit.name.rfind('.'));
        const bool triggered = std::ranges::any_of(info.services.units, [&](const ServiceUnit& u) {
            return u.name == stem + ".timer" || u.name == stem + ".path"; // lintian skips those
        });
        if (unit.name.ends_with(".service") && !is_template_unit(unit) && !triggered)
        {
            out += "# pydeb ships systemd units only; an init script is optional (Debian Policy "
                   "9.3.1).\n" +
                   info.name + ": package-supports-alternative-init-but-no-init.d-script "
                               "[lib/systemd/system/" + unit.name + "]\n";
        }
    }
    return out;
}

} // namespace

std::string changelog_date(std::int64_t seconds)
{
    static constexpr std::array<const char*, 7> k_days{"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", k_days[tm.tm_wday],
                  tm.tm_mday, k_months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return text;
}

Expected<std::vector<GeneratedFile>> generated_files(const PackageInfo& info)
{
    std::set<std::string_view> present;
    for (const Entry& entry : info.entries)
    {
        present.insert(entry.path);
    }
    const std::string doc = "/usr/share/doc/" + info.name + "/";
    // Policy 12.7: changelog.Debian.gz for packages with a Debian revision, changelog.gz for
    // native ones.
    const std::string changelog_path =
        doc + (info.release.empty() ? "changelog.gz" : "changelog.Debian.gz");
    const std::int64_t when = info.source_date_epoch.value_or(std::time(nullptr));
    std::vector<GeneratedFile> files;
    if (!present.contains(doc + "copyright"))
    {
        files.push_back({doc + "copyright", copyright(info, when)});
    }
    if (!present.contains(changelog_path))
    {
        files.push_back(
            {changelog_path, PYDEB_TRY(adapters::archive::gzip_bytes(changelog(info, when)))});
    }
    const std::string override_path = "/usr/share/lintian/overrides/" + info.name;
    if (std::string text = overrides(info); !text.empty() && !present.contains(override_path))
    {
        files.push_back({override_path, std::move(text)});
    }
    return files;
}

} // namespace pydeb::package::deb
