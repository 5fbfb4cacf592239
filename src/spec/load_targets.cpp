// targets: the releases the packages are built for (pydeb.yaml(5) TARGETS).
//   targets:
//     - bookworm                                  # a Debian release, the host's archive
//     - {release: bullseye, archive: URL, components: [main], keyring: FILE, compression: xz}
//     - {rpm: el9, repositories: [repos/el9, https://HOST/el9/BaseOS], keyring: FILE}
//                                                 # rpm-md directories or base URLs
#include "spec/debian_releases.hpp"
#include "spec/loader.hpp"

#include <algorithm>

namespace pydeb::spec::detail
{

namespace
{

bool is_http_url(std::string_view text)
{
    return text.starts_with("http://") || text.starts_with("https://");
}

// The target's compression: its own key, else the spec's; a release whose dpkg cannot read zstd
// members gets xz unless zstd was asked for, which is an error saying why.
void settle_compression(Loader& loader, const YAML::Node& item, const DebianRelease& release,
                        Target& target)
{
    std::optional<Location> asked = loader.spec.compression_where;
    target.compression = loader.spec.compression;
    if (item.IsMap() && item["compression"].IsDefined())
    {
        const YAML::Node node = item["compression"];
        auto value = loader.reader.choice<Compression>(node, "compression",
                                                       {{"zstd", Compression::zstd},
                                                        {"xz", Compression::xz},
                                                        {"gzip", Compression::gzip},
                                                        {"none", Compression::none}});
        if (!value)
        {
            return;
        }
        target.compression = *value;
        asked = loader.reader.where(node);
    }
    if (release.zstd == ZstdMembers::readable || target.compression != Compression::zstd)
    {
        return;
    }
    if (!asked)
    {
        target.compression = Compression::xz;
        return;
    }
    loader.reader.report(*asked, "compression: zstd cannot be used for target " + target.name +
                                     ": its dpkg (" + std::string(release.dpkg_version) +
                                     ") cannot read zstd members (dpkg reads them from 1.21.18 "
                                     "on); use xz, or leave compression unset for " +
                                     target.name + " to get xz");
}

void read_debian_target(Loader& loader, const YAML::Node& item, Target& target)
{
    YamlReader& reader = loader.reader;
    const YAML::Node name = item.IsMap() ? item["release"] : item;
    const auto text = reader.string(name, "release");
    if (!text)
    {
        return;
    }
    const auto release = find_debian_release(*text);
    if (!release)
    {
        reader.report(name, "unknown Debian release '" + *text +
                                "' (known: " + known_debian_releases() + ")");
        return;
    }
    target.name = *text;
    target.debian_number = release->number;
    if (item.IsMap())
    {
        reader.check_keys(item, {"release", "archive", "components", "keyring", "compression"},
                          "a Debian target");
        if (const YAML::Node archive = item["archive"]; archive.IsDefined())
        {
            if (auto url = reader.string(archive, "archive"))
            {
                if (!is_http_url(*url))
                {
                    reader.report(archive, "archive: an http:// or https:// URL of the archive "
                                           "root is expected (got '" + *url + "')");
                }
                target.archive = *url;
                while (target.archive.ends_with('/'))
                {
                    target.archive.pop_back();
                }
            }
        }
        if (const YAML::Node components = item["components"]; components.IsDefined())
        {
            if (auto names = reader.string_list(components, "components"))
            {
                target.components = *names;
            }
        }
        if (const YAML::Node keyring = item["keyring"]; keyring.IsDefined())
        {
            if (auto path = loader.path(keyring, "keyring", MustExist::file))
            {
                target.keyring = *path;
            }
        }
    }
    settle_compression(loader, item, *release, target);
}

void read_rpm_target(Loader& loader, const YAML::Node& item, Target& target)
{
    YamlReader& reader = loader.reader;
    reader.check_keys(item, {"rpm", "repositories", "keyring"}, "an rpm target");
    target.kind = TargetKind::rpm;
    target.name = reader.string(item["rpm"], "rpm").value_or("");
    target.keyring.clear(); // rpm-md has no distribution-wide keyring: the spec names one
    const YAML::Node repositories = item["repositories"];
    if (!repositories.IsDefined() || !repositories.IsSequence() || repositories.size() == 0)
    {
        reader.report(item, "rpm target " + target.name +
                                " needs 'repositories': directories holding repodata/, or "
                                "their http(s) URLs");
        return;
    }
    for (const auto& repository : repositories)
    {
        const auto text = reader.string(repository, "repositories");
        if (text && is_http_url(*text))
        {
            std::string url = *text;
            while (url.ends_with('/'))
            {
                url.pop_back();
            }
            target.repository_urls.push_back(std::move(url));
        }
        else if (auto dir = loader.path(repository, "repositories", MustExist::directory))
        {
            target.repositories.push_back(*dir);
        }
    }
    if (const YAML::Node keyring = item["keyring"]; keyring.IsDefined())
    {
        if (target.repository_urls.empty())
        {
            // A local directory is read as it is: nothing there is fetched to verify.
            reader.report(keyring, "keyring: verifies the repomd.xml of repositories given by "
                                   "URL, and rpm target " +
                                       target.name + " names none; remove keyring:");
        }
        else if (auto path = loader.path(keyring, "keyring", MustExist::file))
        {
            target.keyring = *path;
        }
    }
}

} // namespace

void Loader::read_targets(const YAML::Node& node)
{
    each_item(node, "'targets' must be a list of releases (targets: [bookworm, trixie])",
              [](Loader& loader, const YAML::Node& item) {
                  Target target;
                  target.where = loader.reader.where(item);
                  if (item.IsMap() && item["rpm"].IsDefined())
                  {
                      read_rpm_target(loader, item, target);
                  }
                  else if (item.IsScalar() || (item.IsMap() && item["release"].IsDefined()))
                  {
                      read_debian_target(loader, item, target);
                  }
                  else
                  {
                      loader.reader.report(item, "a target is a Debian release name, "
                                                 "{release: NAME, ...} or {rpm: NAME, "
                                                 "repositories: [...]}");
                      return;
                  }
                  const bool repeated = std::ranges::any_of(
                      loader.spec.targets, [&](const Target& t) { return t.name == target.name; });
                  if (repeated)
                  {
                      loader.reader.report(item, "target " + target.name + " is listed twice");
                  }
                  else if (!target.name.empty())
                  {
                      loader.spec.targets.push_back(std::move(target));
                  }
              });
    for (const Format format : {Format::deb, Format::rpm})
    {
        const TargetKind kind = format == Format::deb ? TargetKind::debian : TargetKind::rpm;
        const bool targeted = std::ranges::any_of(
            spec.targets, [&](const Target& t) { return t.kind == kind; });
        if (targeted && std::ranges::find(spec.formats, format) == spec.formats.end())
        {
            reader.report(node, std::string("targets names ") +
                                    (format == Format::deb ? "Debian releases" : "rpm targets") +
                                    " but 'formats' leaves out " +
                                    (format == Format::deb ? "deb" : "rpm"));
        }
    }
}

} // namespace pydeb::spec::detail
