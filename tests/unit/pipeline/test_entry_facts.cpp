// The default epoch and the marking of files placed from the wheel cache.
#include "pipeline/entry_facts.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace pydeb;

namespace
{

fs::path file_at(const std::string& name, std::int64_t mtime)
{
    std::ofstream(name) << name;
    const struct timespec times[2] = {{mtime, 0}, {mtime, 0}};
    REQUIRE(::utimensat(AT_FDCWD, name.c_str(), times, 0) == 0);
    return fs::absolute(name);
}

} // namespace

TEST_CASE("inputs_epoch: the newest input whose bytes make the package")
{
    pipeline::Prepared prepared{.scratch = util::TempDir::create("epoch").value()};
    prepared.spec.file = file_at("pydeb.yaml", 1600000000);
    prepared.spec.lockfile = file_at("pydeb.lock", 1900000000); // only chooses wheels
    resolve::Resolution resolution;
    resolution.wheels.push_back({.path = file_at("a.whl", 1650000000)});
    CHECK(pipeline::inputs_epoch(prepared, resolution) == 1650000000);

    // The project's own wheel is built now: not counted. A newer files: source or hook is.
    resolution.wheels.push_back({.path = file_at("project.whl", 1800000000)});
    prepared.project_wheel = resolution.wheels.back();
    CHECK(pipeline::inputs_epoch(prepared, resolution) == 1650000000);
    prepared.spec.files.push_back({.source = file_at("app.conf", 1700000000)});
    CHECK(pipeline::inputs_epoch(prepared, resolution) == 1700000000);
    prepared.spec.hooks.post_purge = file_at("purge.sh", 1710000000);
    CHECK(pipeline::inputs_epoch(prepared, resolution) == 1710000000);
}

TEST_CASE("mark_cached_entries: content keys and 'installed now' for cached files only")
{
    std::vector<package::Entry> entries(4);
    entries[0] = {.path = "/opt/v/lib", .type = package::EntryType::directory, .mtime = 5};
    entries[1] = {.path = "/opt/v/lib/a.py", .mtime = 5};
    entries[2] = {.path = "/opt/v/lib/b.py", .mtime = 5};
    entries[3] = {.path = "/opt/v/pyvenv.cfg", .mtime = 5};
    const std::vector<install::CachedWheelFiles> cached{
        {"entry-a", {"/opt/v/lib/a.py"}}, {"entry-b", {"/opt/v/lib/b.py", "/opt/v/lib"}}};
    pipeline::mark_cached_entries(entries, cached, 1700000000);
    CHECK(entries[0].content_key.empty()); // directories have no bytes to name
    CHECK(entries[0].mtime == 5);
    CHECK(entries[1].content_key == "entry-a:/opt/v/lib/a.py");
    CHECK(entries[1].mtime == 1700000000);
    CHECK(entries[2].content_key == "entry-b:/opt/v/lib/b.py");
    CHECK(entries[3].content_key.empty());
    CHECK(entries[3].mtime == 5);
}
