// What a SIGINT, SIGTERM or SIGHUP leaves: nothing of the outputs being written. main() holds the
// one InterruptCleanup for the whole run: it installs the handlers and keeps the table of
// temporary outputs (util::AtomicOutput registers each one while it is pending); the handler
// unlinks them and re-raises the signal, so the exit status still says what killed pydeb.
//
// A signal handler receives no context, so the handler finds the table through one pointer that
// only the InterruptCleanup's constructor and destructor set. Without an InterruptCleanup (unit
// tests, other programs linking util), outputs are still removed by their destructors, just not
// on a signal. SIGKILL cannot be caught: what it leaves is a hidden temporary file beside the
// output, never a partial package at the output path.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <filesystem>

namespace pydeb::util
{

class InterruptCleanup
{
public:
    InterruptCleanup();  // installs the handlers
    ~InterruptCleanup(); // restores the default actions
    InterruptCleanup(const InterruptCleanup&) = delete;
    InterruptCleanup& operator=(const InterruptCleanup&) = delete;

    // Called by AtomicOutput; no-ops when main holds no InterruptCleanup.
    static void track(const std::filesystem::path& path);
    static void untrack(const std::filesystem::path& path);

private:
    static void on_signal(int signal_number);
    // C strings, so the handler only calls async-signal-safe unlink(2).
    static constexpr std::size_t k_max_pending = 16;
    std::array<std::atomic<char*>, k_max_pending> m_pending{};
};

} // namespace pydeb::util
