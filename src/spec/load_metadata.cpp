// The package's identity (name, version, people) and the output keys (formats, compression).
#include "python/bundle_layout.hpp"
#include "spec/loader.hpp"
#include "spec/names.hpp"
#include "util/strings.hpp"

namespace pydeb::spec::detail
{

namespace
{

// A required string: from the spec, else from the caller's defaults, else a "missing" report
// (unless `requirement` says the key is optional here).
void required_string(Loader& loader, const YAML::Node& root, std::string_view key,
                     const std::optional<std::string>& fallback, std::string& out,
                     HeaderKeys requirement = HeaderKeys::required)
{
    const YAML::Node node = root[std::string(key)];
    if (node.IsDefined())
    {
        if (auto text = loader.reader.string(node, key))
        {
            out = *text;
        }
        return;
    }
    if (fallback)
    {
        out = *fallback;
        return;
    }
    if (requirement == HeaderKeys::optional)
    {
        return;
    }
    loader.reader.report(Location{loader.spec.file.string(), 1, 1},
                         "missing required key '" + std::string(key) + "'");
}

void optional_string(Loader& loader, const YAML::Node& node, std::string_view key,
                     const std::optional<std::string>& fallback, std::string& out)
{
    if (node.IsDefined())
    {
        if (auto text = loader.reader.string(node, key))
        {
            out = *text;
        }
    }
    else if (fallback)
    {
        out = *fallback;
    }
}

// A value the spec does not hold came from the caller's defaults (debian/control and
// debian/changelog, or the .spec's tags): the message says so, with the value.
void check(Loader& loader, const YAML::Node& node, std::string_view value,
           std::optional<std::string> problem)
{
    if (!problem)
    {
        return;
    }
    if (node.IsDefined())
    {
        loader.reader.report(node, *problem);
        return;
    }
    loader.reader.report(Location{loader.spec.file.string(), 1, 1},
                         *problem + " (the spec leaves the key out; the value '" +
                             std::string(value) + "' came from the packaging)");
}

} // namespace

void Loader::read_metadata(const YAML::Node& root, const Defaults& defaults)
{
    required_string(*this, root, "name", defaults.name, spec.name);
    required_string(*this, root, "version", defaults.version, spec.version,
                    spec.version_from_project == VersionFrom::project_wheel ? HeaderKeys::optional
                                                                            : HeaderKeys::required);
    // Header keys: required when pydeb writes the package, optional when dh_gencontrol or rpmbuild
    // does (a .deb has no license field: Debian Policy §12.5 puts it in debian/copyright).
    const HeaderKeys header = defaults.header_keys;
    required_string(*this, root, "summary", defaults.summary, spec.summary, header);
    required_string(*this, root, "maintainer", defaults.maintainer, spec.maintainer, header);
    required_string(*this, root, "license", defaults.license, spec.license, header);
    optional_string(*this, root["release"], "release", defaults.release, spec.release);
    // Required: Debian Policy §5.6.13 wants an extended description (lintian:
    // extended-description-is-empty), and rpm's %description is mandatory.
    required_string(*this, root, "description", defaults.description, spec.description, header);
    optional_string(*this, root["homepage"], "homepage", defaults.homepage, spec.homepage);

    if (!spec.name.empty())
    {
        check(*this, root["name"], spec.name, check_package_name(spec.name));
    }
    if (!spec.version.empty())
    {
        check(*this, root["version"], spec.version, check_version(spec.version));
    }
    check(*this, root["release"], spec.release, check_release(spec.release));
    if (header == HeaderKeys::optional && !root["maintainer"].IsDefined() &&
        check_maintainer(spec.maintainer))
    {
        // rpm's Packager tag has no required form ("Build Team" is fine for rpmbuild) and pydeb
        // does not write the header here: a packager that is not "Name <email>" is left out.
        spec.maintainer.clear();
    }
    if (!spec.maintainer.empty())
    {
        check(*this, root["maintainer"], spec.maintainer, check_maintainer(spec.maintainer));
    }
    if (spec.summary.find('\n') != std::string::npos)
    {
        reader.report(root["summary"], "the summary is one line; put longer text in 'description'");
    }
    if (const YAML::Node epoch = root["epoch"]; epoch.IsDefined())
    {
        unsigned value = 0;
        if (epoch.IsScalar() && YAML::convert<unsigned>::decode(epoch, value))
        {
            spec.epoch = value;
        }
        else
        {
            reader.report(epoch, "'epoch' must be a non-negative integer");
        }
    }
}

void Loader::read_python(const YAML::Node& node)
{
    if (!node.IsDefined())
    {
        return;
    }
    if (!node.IsMap())
    {
        reader.report(node, "'python' must be a mapping (python: {interpreter: /usr/bin/python3} "
                            "or python: {bundle: host})");
        return;
    }
    reader.check_keys(node, {"interpreter", "bundle", "keep"}, "'python'");
    const YAML::Node interpreter = node["interpreter"];
    const YAML::Node bundle = node["bundle"];
    if (interpreter.IsDefined() && bundle.IsDefined())
    {
        reader.report(bundle, "'bundle' and 'interpreter' exclude each other: the package either "
                              "runs the target's own Python (interpreter) or carries one (bundle)");
    }
    if (interpreter.IsDefined())
    {
        if (auto text = reader.string(interpreter, "interpreter"))
        {
            if (auto problem = check_absolute_path(*text))
            {
                reader.report(interpreter, "interpreter: " + *problem);
            }
            else if (!std::filesystem::exists(*text))
            {
                reader.report(interpreter, "interpreter: " + *text +
                                               " does not exist on this build host; install the "
                                               "target's Python here (e.g. apt-get install python3)");
            }
            spec.interpreter = *text;
        }
    }
    if (bundle.IsDefined())
    {
        Bundle out;
        out.where = reader.where(bundle);
        if (auto text = reader.string(bundle, "bundle"); text && *text != "host")
        {
            out.source = path(bundle, "bundle", MustExist::file_or_directory);
        }
        spec.bundle = std::move(out);
    }
    if (const YAML::Node keep = node["keep"]; keep.IsDefined())
    {
        if (!bundle.IsDefined())
        {
            reader.report(keep, "'keep' applies to a bundled interpreter (python: {bundle: ...})");
        }
        std::string known;
        for (const auto part : python::all_bundle_parts())
        {
            known += (known.empty() ? "" : ", ") + std::string(python::to_string(part));
        }
        if (auto names = reader.string_list(keep, "keep"))
        {
            std::size_t index = 0;
            for (const auto& name : *names)
            {
                if (auto part = python::parse_bundle_part(name))
                {
                    if (spec.bundle)
                    {
                        spec.bundle->keep.push_back(*part);
                    }
                }
                else
                {
                    reader.report(keep[index], "keep: unknown part '" + name + "' (known: " +
                                                   known + ")");
                }
                ++index;
            }
        }
    }
}

void Loader::read_output(const YAML::Node& root)
{
    if (const YAML::Node formats = root["formats"]; formats.IsDefined())
    {
        if (auto names = reader.string_list(formats, "formats"))
        {
            spec.formats.clear();
            for (const auto& name : *names)
            {
                if (name == "deb")
                {
                    spec.formats.push_back(Format::deb);
                }
                else if (name == "rpm")
                {
                    spec.formats.push_back(Format::rpm);
                }
                else
                {
                    reader.report(formats, "'formats' entries are deb or rpm (got '" + name + "')");
                }
            }
        }
    }
    if (const YAML::Node node = root["compression"]; node.IsDefined())
    {
        if (auto value = reader.choice<Compression>(node, "compression",
                                                    {{"zstd", Compression::zstd},
                                                     {"xz", Compression::xz},
                                                     {"gzip", Compression::gzip},
                                                     {"none", Compression::none}}))
        {
            spec.compression = *value;
            spec.compression_where = reader.where(node);
        }
    }
    if (const YAML::Node node = root["check-installable"]; node.IsDefined())
    {
        if (auto value = reader.choice<InstallabilityCheck>(node, "check-installable",
                                                            {{"error", InstallabilityCheck::error},
                                                             {"warn", InstallabilityCheck::warn},
                                                             {"off", InstallabilityCheck::off}}))
        {
            spec.check_installable = *value;
        }
    }
    if (const YAML::Node sign = root["sign"]; sign.IsDefined())
    {
        read_sign(sign);
    }
}

void Loader::read_sign(const YAML::Node& node)
{
    if (!node.IsMap())
    {
        reader.report(node, "'sign' must be a mapping (sign: {key: FINGERPRINT})");
        return;
    }
    reader.check_keys(node, {"key"}, "'sign'");
    const YAML::Node key = node["key"];
    if (!key.IsDefined())
    {
        if (node.size() == 0) // other keys were reported, with a did-you-mean
        {
            reader.report(node,
                          "'sign' needs 'key': the fingerprint of a secret key in the GnuPG home");
        }
        return;
    }
    const auto name = reader.string(key, "key");
    if (!name)
    {
        return;
    }
    // A key name is one line; anything else is key material, which never belongs in a spec.
    if (name->empty() || name->find_first_of("\n\r") != std::string::npos ||
        name->find("-----BEGIN") != std::string::npos)
    {
        reader.report(key, "'sign.key' names a key in the GnuPG home (its fingerprint, as gpg "
                           "--list-secret-keys shows it); the key itself never goes into the spec");
        return;
    }
    spec.sign = Signing{*name, reader.where(key)};
}

} // namespace pydeb::spec::detail
