#include "install/stage_tree.hpp"

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

std::vector<std::string> components_of(const std::filesystem::path& relative)
{
    std::vector<std::string> parts;
    for (const auto& part : relative)
    {
        parts.push_back(part.string());
    }
    return parts;
}

} // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept
{
    if (this != &other)
    {
        if (m_fd >= 0)
        {
            ::close(m_fd);
        }
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

UniqueFd::~UniqueFd()
{
    if (m_fd >= 0)
    {
        ::close(m_fd);
    }
}

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
    m_fd = UniqueFd();
    return {};
}

Expected<StageTree> StageTree::open(const std::filesystem::path& root)
{
    UniqueFd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
    {
        return fail(errno_text("cannot open staging root " + root.string(), errno));
    }
    return StageTree(std::move(fd));
}

Expected<int> StageTree::open_directory(const std::vector<std::string>& components)
{
    std::size_t common = 0;
    while (common < m_chain.size() && common < components.size() &&
           m_chain[common].first == components[common])
    {
        ++common;
    }
    m_chain.resize(common);
    for (std::size_t i = common; i < components.size(); ++i)
    {
        const int parent = i == 0 ? m_root.get() : m_chain[i - 1].second.get();
        const char* name = components[i].c_str();
        const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
        UniqueFd fd(::openat(parent, name, flags));
        if (!fd && errno == ENOENT)
        {
            if (::mkdirat(parent, name, 0755) != 0 && errno != EEXIST)
            {
                return fail(errno_text("cannot create directory " + components[i], errno));
            }
            fd = UniqueFd(::openat(parent, name, flags));
            if (fd)
            {
                ::fchmod(fd.get(), 0755); // the umask may have narrowed mkdir's mode
            }
        }
        if (!fd)
        {
            const int error = errno == ENOTDIR ? ELOOP : errno; // O_NOFOLLOW on a link: ENOTDIR
            return fail(errno_text("cannot open directory " + components[i], error));
        }
        m_chain.emplace_back(components[i], std::move(fd));
    }
    return components.empty() ? m_root.get() : m_chain.back().second.get();
}

Expected<FileSink> StageTree::create_file(const std::filesystem::path& relative)
{
    const int directory = PYDEB_TRY(open_directory(components_of(relative.parent_path())));
    const auto name = relative.filename();
    UniqueFd fd(::openat(directory, name.c_str(),
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
    PYDEB_TRY(open_directory(components_of(relative)));
    return {};
}

Expected<void> StageTree::make_symlink(const std::filesystem::path& relative,
                                       const std::filesystem::path& target)
{
    const int directory = PYDEB_TRY(open_directory(components_of(relative.parent_path())));
    const auto name = relative.filename();
    ::unlinkat(directory, name.c_str(), 0); // replace an earlier link; never a directory
    if (::symlinkat(target.c_str(), directory, name.c_str()) != 0)
    {
        return fail(errno_text("cannot create symlink " + relative.string(), errno));
    }
    return {};
}

void StageTree::remove_file(const std::filesystem::path& relative)
{
    if (auto directory = open_directory(components_of(relative.parent_path())))
    {
        ::unlinkat(*directory, relative.filename().c_str(), 0);
    }
}

} // namespace pydeb::install
