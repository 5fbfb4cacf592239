#include "util/interrupt_cleanup.hpp"

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace pydeb::util
{

namespace
{

constexpr int k_signals[] = {SIGINT, SIGTERM, SIGHUP};
// The InterruptCleanup main() holds, for the handler (see the header).
std::atomic<InterruptCleanup*> g_active{nullptr};

} // namespace

InterruptCleanup::InterruptCleanup()
{
    g_active = this;
    for (const int sig : k_signals)
    {
        std::signal(sig, &InterruptCleanup::on_signal);
    }
}

InterruptCleanup::~InterruptCleanup()
{
    for (const int sig : k_signals)
    {
        std::signal(sig, SIG_DFL);
    }
    g_active = nullptr;
    for (auto& slot : m_pending)
    {
        std::free(slot.exchange(nullptr));
    }
}

void InterruptCleanup::on_signal(int signal_number)
{
    if (InterruptCleanup* self = g_active.load())
    {
        for (auto& slot : self->m_pending)
        {
            if (char* path = slot.load())
            {
                ::unlink(path);
            }
        }
    }
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

void InterruptCleanup::track(const std::filesystem::path& path)
{
    InterruptCleanup* self = g_active.load();
    if (self == nullptr)
    {
        return;
    }
    char* copy = ::strdup(path.c_str());
    for (auto& slot : self->m_pending)
    {
        char* expected = nullptr;
        if (slot.compare_exchange_strong(expected, copy))
        {
            return;
        }
    }
    std::free(copy); // table full: still removed by its owner's destructor, just not on a signal
}

void InterruptCleanup::untrack(const std::filesystem::path& path)
{
    InterruptCleanup* self = g_active.load();
    if (self == nullptr)
    {
        return;
    }
    for (auto& slot : self->m_pending)
    {
        char* current = slot.load();
        if (current != nullptr && path == current && slot.compare_exchange_strong(current, nullptr))
        {
            std::free(current);
            return;
        }
    }
}

} // namespace pydeb::util
