#include "install/wheel/stage_tree.hpp"

#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pydeb::install
{

namespace
{

std::string errno_text(std::string_view what, int error)
{
    if (error == ELOOP)
    {
        return std::string(what) + ": refusing to write through a symbolic link";
    }
    return std::string(what) + ": " + std::strerror(error);
}

} // namespace

Expected<void> FileSink::write(std::span<const std::byte> data)
{
    const auto* bytes = data.data();
    std::size_t left = data.size();
    while (left > 0)
    {
        const auto written = ::write(m_fd.get(), bytes, left);
        if (written < 0)
        {
            if (errno == EINTR)
            {
                continue;
            }
            return fail(errno_text("write", errno));
        }
        bytes += written;
        left -= static_cast<std::size_t>(written);
    }
    return {};
}

Expected<void> FileSink::write(std::string_view data)
{
    return write(std::as_bytes(std::span(data.data(), data.size())));
}

Expected<void> FileSink::finish(unsigned mode)
{
    if (::fchmod(m_fd.get(), mode) != 0)
    {
        return fail(errno_text("chmod", errno));
    }
    m_fd = util::Fd();
    return {};
}

Expected<StageTree> StageTree::open(const std::filesystem::path& root,
                                    util::SpareDirectories* spares)
{
    util::Fd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
    {
        return fail(errno_text("cannot open staging root " + root.string(), errno));
    }
    return StageTree(std::move(fd), spares);
}

Expected<int> StageTree::open_directory(std::string_view directory)
{
    std::size_t depth = 0;
    for (std::size_t start = 0; start < directory.size();)
    {
        const auto slash = std::min(directory.find('/', start), directory.size());
        const auto name = directory.substr(start, slash - start);
        start = slash + 1;
        if (name.empty())
        {
            continue;
        }
        if (depth < m_chain.size() && m_chain[depth].name == name)
        {
            ++depth;
            continue;
        }
        m_chain.resize(depth);
        const bool parent_new = depth > 0 && m_chain[depth - 1].created;
        const int parent = depth == 0 ? m_root.get() : m_chain[depth - 1].fd.get();
        const std::string component(name);
        const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
        // Below a directory this tree just made nothing exists yet: make it without looking.
        util::Fd fd(parent_new ? -1 : ::openat(parent, component.c_str(), flags));
        bool created = false;
        if (parent_new || (!fd && errno == ENOENT))
        {
            fd = util::Fd(util::create_directory_at(parent, component.c_str(), 0755, m_spares));
            created = static_cast<bool>(fd);
            if (!fd && errno == EEXIST) // made meanwhile (another wheel), or not a directory
            {
                fd = util::Fd(::openat(parent, component.c_str(), flags));
            }
            else if (!fd)
            {
                return fail(errno_text("cannot create directory " + component, errno));
            }
        }
        if (!fd)
        {
            const int error = errno == ENOTDIR ? ELOOP : errno; // O_NOFOLLOW on a link: ENOTDIR
            return fail(errno_text("cannot open directory " + component, error));
        }
        m_chain.push_back({component, std::move(fd), created});
        ++depth;
    }
    m_chain.resize(depth);
    return depth == 0 ? m_root.get() : m_chain.back().fd.get();
}

Expected<FileSink> StageTree::create_file(const std::filesystem::path& relative)
{
    const int directory = PYDEB_TRY(open_directory(relative.parent_path().generic_string()));
    const auto name = relative.filename();
    util::Fd fd(::openat(directory, name.c_str(),
                         O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd)
    {
        return fail(errno_text("cannot create " + relative.string(), errno));
    }
    return FileSink(std::move(fd));
}

Expected<void> StageTree::write_file(const std::filesystem::path& relative, std::string_view data,
                                     unsigned mode)
{
    auto sink = PYDEB_TRY(create_file(relative));
    PYDEB_TRY(sink.write(data));
    return sink.finish(mode);
}

Expected<void> StageTree::make_directories(const std::filesystem::path& relative)
{
    PYDEB_TRY(open_directory(relative.generic_string()));
    return {};
}

Expected<void> StageTree::make_symlink(const std::filesystem::path& relative,
                                       const std::filesystem::path& target)
{
    const int directory = PYDEB_TRY(open_directory(relative.parent_path().generic_string()));
    const auto name = relative.filename();
    ::unlinkat(directory, name.c_str(), 0); // replace an earlier link; never a directory
    if (::symlinkat(target.c_str(), directory, name.c_str()) != 0)
    {
        return fail(errno_text("cannot create symlink " + relative.string(), errno));
    }
    return {};
}

Expected<int> StageTree::open_parent(std::string_view relative)
{
    const auto slash = relative.rfind('/');
    return open_directory(slash == std::string_view::npos ? std::string_view()
                                                          : relative.substr(0, slash));
}

void StageTree::remove_file(const std::filesystem::path& relative)
{
    if (auto directory = open_directory(relative.parent_path().generic_string()))
    {
        ::unlinkat(*directory, relative.filename().c_str(), 0);
    }
}

} // namespace pydeb::install
