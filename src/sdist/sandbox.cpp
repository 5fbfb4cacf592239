#include "sdist/sandbox.hpp"

namespace fs = std::filesystem;

namespace pydeb::sdist
{

namespace
{

bool under_tmp(const fs::path& path)
{
    const auto relative = path.lexically_normal().lexically_relative("/tmp");
    return !relative.empty() && *relative.begin() != "..";
}

} // namespace

std::vector<std::string> bwrap_arguments(const SandboxPaths& paths, const fs::path& program,
                                         const std::vector<std::string>& arguments)
{
    // bwrap applies mounts in argument order, so later binds lie over earlier ones: first the
    // read-only root (its submounts read-only too), then fresh /dev and /proc for the new PID
    // namespace, the private /tmp, what must stay visible under it, and last the writable
    // directories over all of that.
    std::vector<std::string> out{"--ro-bind", "/",     "/",       "--dev", "/dev",
                                 "--proc",    "/proc", "--tmpfs", "/tmp"};
    for (const fs::path& path : paths.visible)
    {
        if (under_tmp(path))
        {
            out.insert(out.end(), {"--ro-bind", path.string(), path.string()});
        }
    }
    for (const fs::path& path : paths.writable)
    {
        out.insert(out.end(), {"--bind", path.string(), path.string()});
    }
    // --unshare-all: user (when it can), IPC, PID, network, UTS and cgroup namespaces;
    // --die-with-parent: the build ends with pydeb; --new-session: no TIOCSTI into pydeb's
    // terminal (bwrap(1)).
    out.insert(out.end(), {"--chdir", paths.working_directory.string(), "--unshare-all",
                           "--die-with-parent", "--new-session", "--", program.string()});
    out.insert(out.end(), arguments.begin(), arguments.end());
    return out;
}

} // namespace pydeb::sdist
