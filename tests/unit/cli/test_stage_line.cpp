#include "cli/stage_line.hpp"

#include <doctest/doctest.h>

using namespace pydeb;

namespace
{

util::StageSnapshot stage(std::string name, std::chrono::milliseconds elapsed)
{
    util::StageSnapshot snapshot;
    snapshot.stage = std::move(name);
    snapshot.elapsed = elapsed;
    return snapshot;
}

void set(util::StageSnapshot& snapshot, util::Count count, std::uint64_t value)
{
    snapshot.counts[static_cast<std::size_t>(count)] = value;
}

} // namespace

TEST_CASE("cli::describe names each counter that moved, then the time")
{
    auto install = stage("install", std::chrono::milliseconds(1440));
    set(install, util::Count::wheels, 12);
    set(install, util::Count::wheels_total, 40);
    set(install, util::Count::files_compiled, 1203);
    CHECK(cli::describe(install) == "install     12/40 wheels, 1203 files compiled  1.4 s");

    auto write = stage("write .deb", std::chrono::milliseconds(250));
    set(write, util::Count::bytes_in, 12 * 1024 * 1024 + 300 * 1024);
    set(write, util::Count::bytes_out, 3 * 1024 * 1024);
    CHECK(cli::describe(write) == "write .deb  12.3 MiB compressed to 3.0 MiB  0.2 s");

    auto cached = stage("write .deb", std::chrono::milliseconds(50));
    set(cached, util::Count::bytes_out, 900);
    CHECK(cli::describe(cached) == "write .deb  900 B written  0.1 s");
}

TEST_CASE("cli::describe: one wheel, and a stage with nothing to count")
{
    auto resolve = stage("resolve", std::chrono::milliseconds(0));
    set(resolve, util::Count::wheels, 1);
    CHECK(cli::describe(resolve) == "resolve     1 wheel  0.0 s");
    CHECK(cli::describe(stage("collect", std::chrono::milliseconds(20))) == "collect     0.0 s");
}
