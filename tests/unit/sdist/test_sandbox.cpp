#include "sdist/sandbox.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using pydeb::sdist::bwrap_arguments;
using pydeb::sdist::SandboxPaths;

namespace
{

// The index of the first `--bind`/`--ro-bind` of `path`, or -1.
long bind_index(const std::vector<std::string>& args, std::string_view option,
                std::string_view path)
{
    for (std::size_t i = 0; i + 2 < args.size(); ++i)
    {
        if (args[i] == option && args[i + 1] == path && args[i + 2] == path)
        {
            return static_cast<long>(i);
        }
    }
    return -1;
}

} // namespace

TEST_CASE("sdist::bwrap_arguments confines a build to its writable directories")
{
    const SandboxPaths paths{{"/tmp/pydeb-1/b/source", "/tmp/pydeb-1/b/tmp", "/var/out"},
                             {"/tmp/pydeb-1", "/usr"},
                             "/tmp/pydeb-1/b/source/x-1.0"};
    const auto args =
        bwrap_arguments(paths, "/tmp/pydeb-1/b/env/bin/python", {"hook.py", "build_wheel"});
    const std::vector<std::string> head{"--ro-bind", "/",     "/",       "--dev", "/dev",
                                        "--proc",    "/proc", "--tmpfs", "/tmp"};
    REQUIRE(args.size() > head.size());
    CHECK(std::equal(head.begin(), head.end(), args.begin()));
    // The scratch directory under /tmp stays visible, read-only, over the private /tmp; /usr is
    // read-only through the root already and is not bound again.
    const long visible = bind_index(args, "--ro-bind", "/tmp/pydeb-1");
    CHECK(visible > 0);
    CHECK(bind_index(args, "--ro-bind", "/usr") == -1);
    // Each writable directory is bound read-write after (over) the read-only ones.
    for (const char* path : {"/tmp/pydeb-1/b/source", "/tmp/pydeb-1/b/tmp", "/var/out"})
    {
        CAPTURE(path);
        CHECK(bind_index(args, "--bind", path) > visible);
    }
    CHECK(std::ranges::count(args, "--bind") == 3);
    // No network, a new session, and bwrap ends with pydeb; then the command, unchanged.
    for (const char* option : {"--unshare-all", "--die-with-parent", "--new-session"})
    {
        CHECK(std::ranges::find(args, option) != args.end());
    }
    CHECK(std::ranges::find(args, "--share-net") == args.end());
    const auto chdir = std::ranges::find(args, "--chdir");
    REQUIRE(chdir != args.end());
    CHECK(*(chdir + 1) == "/tmp/pydeb-1/b/source/x-1.0");
    const std::vector<std::string> tail{"--", "/tmp/pydeb-1/b/env/bin/python", "hook.py",
                                        "build_wheel"};
    CHECK(std::equal(tail.begin(), tail.end(), args.end() - 4));
}

TEST_CASE("sdist::bwrap_arguments does not mistake /tmpfoo for a path under /tmp")
{
    const auto args = bwrap_arguments({{}, {"/tmpfoo/x", "/tmp/../etc"}, "/"}, "true", {});
    CHECK(std::ranges::count(args, "--ro-bind") == 1); // the root only
}
