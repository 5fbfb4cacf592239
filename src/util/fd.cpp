#include "util/fd.hpp"

#include <cerrno>
#include <unistd.h>

namespace pydeb::util
{

Fd& Fd::operator=(Fd&& other) noexcept
{
    if (this != &other)
    {
        (void)close();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

Fd::~Fd()
{
    (void)close();
}

int Fd::close()
{
    if (m_fd < 0)
    {
        return 0;
    }
    const int result = ::close(std::exchange(m_fd, -1));
    return result == 0 ? 0 : errno;
}

} // namespace pydeb::util
