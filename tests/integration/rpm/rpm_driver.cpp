// rpm-driver STAGE OUT.rpm [KEY=VALUE...]: package a staging root with package::rpm::write_package,
// for the integration tests (until `pydeb build --format rpm` wires the writer up).
// Keys: name version release epoch arch summary description license url maintainer group
// compression (zstd|xz|gzip) prefix interpreter compile (yes) and the repeatable requires
// provides conflicts obsoletes recommends config purge; hook.EVENT (pre_install, post_upgrade,
// ...). SOURCE_DATE_EPOCH is read from the environment.
#include "util/interrupt_cleanup.hpp"
#include "package/contents.hpp"
#include "package/rpm/writer.hpp"

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

using namespace pydeb;
using namespace pydeb::package;

namespace
{

bool set_hook(Lifecycle& lifecycle, const std::string& event, const std::string& text)
{
    const std::map<std::string, std::string Lifecycle::*> hooks{
        {"pre_install", &Lifecycle::pre_install}, {"post_install", &Lifecycle::post_install},
        {"pre_upgrade", &Lifecycle::pre_upgrade}, {"post_upgrade", &Lifecycle::post_upgrade},
        {"pre_remove", &Lifecycle::pre_remove},   {"post_remove", &Lifecycle::post_remove},
        {"post_purge", &Lifecycle::post_purge},
    };
    const auto it = hooks.find(event);
    if (it == hooks.end())
    {
        return false;
    }
    lifecycle.*(it->second) = text;
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    // As pydeb's main: a signal removes the outputs being written.
    const pydeb::util::InterruptCleanup interrupt_cleanup;
    if (argc < 3)
    {
        std::cerr << "usage: rpm-driver STAGE OUT.rpm [KEY=VALUE...]\n";
        return 2;
    }
    PackageInfo info;
    info.name = "hello";
    info.version = "1.0";
    info.release = "1";
    info.rpm_architecture = "x86_64";
    info.summary = "A test package";
    std::vector<std::string> config;
    const std::map<std::string, std::string PackageInfo::*> strings{
        {"name", &PackageInfo::name},
        {"version", &PackageInfo::version},
        {"release", &PackageInfo::release},
        {"arch", &PackageInfo::rpm_architecture},
        {"summary", &PackageInfo::summary},
        {"description", &PackageInfo::description},
        {"license", &PackageInfo::license},
        {"url", &PackageInfo::homepage},
        {"maintainer", &PackageInfo::maintainer},
        {"group", &PackageInfo::group},
    };
    const std::map<std::string, std::vector<std::string> Relations::*> lists{
        {"requires", &Relations::rpm_requires},     {"provides", &Relations::rpm_provides},
        {"conflicts", &Relations::rpm_conflicts},   {"obsoletes", &Relations::rpm_obsoletes},
        {"recommends", &Relations::rpm_recommends},
    };
    for (int i = 3; i < argc; ++i)
    {
        const std::string arg = argv[i];
        const auto eq = arg.find('=');
        const std::string key = arg.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
        if (strings.contains(key))
        {
            info.*(strings.at(key)) = value;
        }
        else if (lists.contains(key))
        {
            (info.relations.*(lists.at(key))).push_back(value);
        }
        else if (key == "epoch")
        {
            info.epoch = static_cast<std::uint32_t>(std::stoul(value));
        }
        else if (key == "compression")
        {
            info.compression = value == "xz"     ? Compression::xz
                               : value == "gzip" ? Compression::gzip
                                                 : Compression::zstd;
        }
        else if (key == "prefix")
        {
            info.venv.prefix = value;
        }
        else if (key == "interpreter")
        {
            info.venv.interpreter = value;
        }
        else if (key == "compile")
        {
            info.venv.compile_bytecode_on_install = value == "yes";
        }
        else if (key == "purge")
        {
            info.venv.purge_paths.push_back(value);
        }
        else if (key == "config")
        {
            config.push_back(value);
        }
        else if (!(key.starts_with("hook.") && set_hook(info.lifecycle, key.substr(5), value)))
        {
            std::cerr << "rpm-driver: unknown key '" << key << "'\n";
            return 2;
        }
    }
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde != nullptr && *sde != '\0')
    {
        info.source_date_epoch = std::stoll(sde);
    }
    auto entries = collect_entries(argv[1], config);
    if (!entries)
    {
        std::cerr << "rpm-driver: " << entries.error().message << "\n";
        return 1;
    }
    info.entries = std::move(*entries);
    if (auto written = rpm::write_package(info, argv[2]); !written)
    {
        std::cerr << "rpm-driver: " << written.error().message << "\n";
        return 1;
    }
    return 0;
}
