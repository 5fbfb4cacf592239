// pydeb's one owned file descriptor: closed when dropped.
#pragma once

#include <utility>

namespace pydeb::util
{

class Fd
{
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    Fd(Fd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    Fd& operator=(Fd&& other) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd();

    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] explicit operator bool() const { return m_fd >= 0; }
    // close(2) now: 0 or the errno of the failure (a late write error surfaces here).
    [[nodiscard]] int close();

private:
    int m_fd = -1;
};

} // namespace pydeb::util
