#include "pipeline/sbom_stage.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

using namespace pydeb;
using package::EntryType;

TEST_CASE("pipeline::ship_sbom writes the SBOM into the root and lists it with its parents")
{
    package::PackageInfo info;
    info.name = "app";
    info.source_date_epoch = 1700000000;
    std::vector<package::Entry> entries{{.path = "/opt", .type = EntryType::directory},
                                        {.path = "/usr", .type = EntryType::directory},
                                        {.path = "/usr/bin", .type = EntryType::directory},
                                        {.path = "/usr/share", .type = EntryType::directory}};
    REQUIRE(pipeline::ship_sbom("root", info, "{}\n", &entries));
    std::vector<std::string> paths;
    for (const auto& entry : entries)
    {
        paths.push_back(entry.path);
    }
    CHECK(paths == std::vector<std::string>{"/opt", "/usr", "/usr/bin", "/usr/share",
                                            "/usr/share/doc", "/usr/share/doc/app",
                                            "/usr/share/doc/app/app.spdx.json"});
    CHECK_FALSE(entries[4].owned_directory); // /usr/share/doc is the base system's
    CHECK(entries[5].owned_directory);
    CHECK(entries[6].type == EntryType::file);
    CHECK(entries[6].size == 3);
    CHECK(entries[6].mtime == 1700000000);
    CHECK(util::read_file("root/usr/share/doc/app/app.spdx.json").value() == "{}\n");

    // The path is pydeb's: a files: entry there is refused.
    const auto again = pipeline::ship_sbom("root", info, "{}\n", &entries);
    REQUIRE_FALSE(again);
    CHECK(again.error().message.starts_with("files: /usr/share/doc/app/app.spdx.json is where"));
}

TEST_CASE("pipeline::sbom_beside names the SBOM after the package file")
{
    CHECK(pipeline::sbom_beside("out/app_1.0-1_amd64.deb") == "out/app_1.0-1_amd64.spdx.json");
    CHECK(pipeline::sbom_beside("out/app-1.0-1.x86_64.rpm") == "out/app-1.0-1.x86_64.spdx.json");
}
