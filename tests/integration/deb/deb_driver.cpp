// deb-driver STAGE OUT.deb VERSION [zstd|xz|gzip|none]: package a staging tree with fixed
// metadata through package::collect_entries and deb::write_package, for the integration tests.
// SOURCE_DATE_EPOCH is read from the environment.
#include "util/interrupt_cleanup.hpp"
#include "package/contents.hpp"
#include "package/deb/writer.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

using namespace pydeb::package;

int main(int argc, char** argv)
{
    // As pydeb's main: a signal removes the outputs being written.
    const pydeb::util::InterruptCleanup interrupt_cleanup;
    if (argc < 4)
    {
        std::cerr << "usage: deb-driver STAGE OUT.deb VERSION [zstd|xz|gzip|none]\n";
        return 2;
    }
    PackageInfo info;
    info.name = "pydeb-hello";
    info.version = argv[3];
    info.release = "1";
    info.summary = "greeting tool in a self-contained virtualenv";
    info.description = "A test package written by pydeb's .deb writer.\n\nIt installs a "
                       "virtualenv under /opt/venvs/pydeb-hello.";
    info.maintainer = "pydeb tests <pydeb@example.com>";
    info.license = "MIT";
    info.homepage = "https://example.com/pydeb-hello";
    info.deb_architecture = "all";
    info.relations.depends = {"python3"};
    info.venv.prefix = "/opt/venvs/pydeb-hello";
    info.venv.interpreter = "/usr/bin/python3";
    info.venv.compile_bytecode_on_install = std::getenv("DRIVER_BYTECODE") != nullptr;
    info.venv.purge_paths = {"/var/lib/pydeb-hello"};
    // Every hook appends its event and arguments to a log the acceptance test reads.
    auto log = [](const std::string& event) {
        return "mkdir -p /var/lib/pydeb-hello\necho \"" + event +
               " $*\" >> /var/lib/pydeb-hello/log";
    };
    info.lifecycle.pre_install = log("pre_install");
    info.lifecycle.pre_upgrade = log("pre_upgrade");
    info.lifecycle.post_install = log("post_install");
    info.lifecycle.post_upgrade = log("post_upgrade");
    info.lifecycle.pre_remove = log("pre_remove");
    info.lifecycle.post_remove = log("post_remove");
    info.lifecycle.post_purge = log("post_purge");
    const std::string compression = argc > 4 ? argv[4] : "zstd";
    info.compression = compression == "xz"     ? Compression::xz
                       : compression == "gzip" ? Compression::gzip
                       : compression == "none" ? Compression::none
                                               : Compression::zstd;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
    {
        info.source_date_epoch = std::stoll(epoch);
    }
    auto entries = collect_entries(argv[1], {});
    if (!entries)
    {
        std::cerr << "deb-driver: " << entries.error().message << "\n";
        return 1;
    }
    info.entries = std::move(*entries);
    if (auto written = deb::write_package(info, argv[2]); !written)
    {
        std::cerr << "deb-driver: " << written.error().message << "\n";
        return 1;
    }
    return 0;
}
